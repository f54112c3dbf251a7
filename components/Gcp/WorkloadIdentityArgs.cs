using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Gcp;

/// <summary>Arguments of <see cref="WorkloadIdentity"/>. Nothing has a default; <see cref="FromPlan"/> gives every value.</summary>
public sealed class WorkloadIdentityArgs
{
    /// <summary>Project of the service account and the cluster.</summary>
    public required Input<string> Project { get; init; }

    /// <summary>The cluster's Workload Identity pool, <c>&lt;project&gt;.svc.id.goog</c>.</summary>
    public required Input<string> WorkloadPool { get; init; }

    /// <summary>Account id of the Google service account, at most 30 characters.</summary>
    public required Input<string> AccountId { get; init; }

    /// <summary>Display name of the Google service account.</summary>
    public required Input<string> DisplayName { get; init; }

    /// <summary>Namespace of the Kubernetes service account that acts as it.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Name of that Kubernetes service account.</summary>
    public required Input<string> ServiceAccount { get; init; }

    /// <summary>Roles on the project; each becomes a child named after the role.</summary>
    public required IReadOnlyList<string> ProjectRoles { get; init; }

    /// <summary>The Cloud DNS managed zone <see cref="ZoneRoles"/> apply to, or null.</summary>
    public Input<string>? Zone { get; init; }

    /// <summary>Roles on that zone; each becomes a child named after the role.</summary>
    public required IReadOnlyList<string> ZoneRoles { get; init; }

    /// <summary>The bucket <see cref="BucketRoles"/> apply to, or null.</summary>
    public Input<string>? Bucket { get; init; }

    /// <summary>Roles on that bucket; each becomes a child named after the role.</summary>
    public required IReadOnlyList<string> BucketRoles { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static WorkloadIdentityArgs FromPlan(GcpWorkloadIdentityPlan plan, string project, string workloadPool)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new WorkloadIdentityArgs
        {
            Project = project,
            WorkloadPool = workloadPool,
            AccountId = plan.AccountId,
            DisplayName = plan.DisplayName,
            Namespace = plan.Namespace,
            ServiceAccount = plan.ServiceAccount,
            ProjectRoles = plan.ProjectRoles,
            Zone = plan.Zone is { } zone ? (Input<string>)zone : null,
            ZoneRoles = plan.ZoneRoles,
            Bucket = plan.Bucket is { } bucket ? (Input<string>)bucket : null,
            BucketRoles = plan.BucketRoles ?? [],
        };
    }
}
