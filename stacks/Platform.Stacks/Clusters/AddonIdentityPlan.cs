namespace Platform.Stacks.Clusters;

/// <summary>An add-on's cloud identity: exactly one of the two is set, for the stack's cloud.</summary>
/// <param name="Aws">An IAM role through EKS Pod Identity.</param>
/// <param name="Gcp">A Google service account through Workload Identity.</param>
public sealed record AddonIdentityPlan(PodIdentityRolePlan? Aws, GcpWorkloadIdentityPlan? Gcp);
