namespace Platform.Stacks.Clusters;

/// <summary>
/// An IAM role one Kubernetes service account assumes through EKS Pod Identity, with its one inline policy. The
/// role trusts only the Pod Identity service; the association binds it to the service account.
/// </summary>
/// <param name="RoleName">IAM role name.</param>
/// <param name="Namespace">Namespace of the service account.</param>
/// <param name="ServiceAccount">Name of the service account.</param>
/// <param name="PolicyName">Name of the inline policy.</param>
/// <param name="PolicyDocument">The inline policy, least privilege, as JSON.</param>
public sealed record PodIdentityRolePlan(string RoleName, string Namespace, string ServiceAccount, string PolicyName, string PolicyDocument);
