namespace Platform.Stacks.Clusters;

/// <summary>
/// A Google service account that one Kubernetes service account acts as through Workload Identity, with the roles it
/// is granted: on the project (read-only ones only), on one Cloud DNS zone, and on one bucket.
/// </summary>
/// <param name="AccountId">Account id, at most 30 characters.</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Email">The account's e-mail, which the Kubernetes service account is annotated with.</param>
/// <param name="Namespace">Namespace of the Kubernetes service account.</param>
/// <param name="ServiceAccount">Name of the Kubernetes service account.</param>
/// <param name="ProjectRoles">Roles on the project.</param>
/// <param name="Zone">The Cloud DNS managed zone <paramref name="ZoneRoles"/> apply to, or null.</param>
/// <param name="ZoneRoles">Roles on that zone.</param>
/// <param name="Bucket">The bucket <paramref name="BucketRoles"/> apply to, or null.</param>
/// <param name="BucketRoles">Roles on that bucket; none when null.</param>
public sealed record GcpWorkloadIdentityPlan(
    string AccountId,
    string DisplayName,
    string Email,
    string Namespace,
    string ServiceAccount,
    IReadOnlyList<string> ProjectRoles,
    string? Zone,
    IReadOnlyList<string> ZoneRoles,
    string? Bucket = null,
    IReadOnlyList<string>? BucketRoles = null);
