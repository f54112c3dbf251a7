using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Kubernetes;

/// <summary>Arguments of <see cref="ExistingCluster"/>. Nothing has a default; <see cref="FromPlan"/> gives every value.</summary>
public sealed class ExistingClusterArgs
{
    /// <summary>The kubeconfig context to use.</summary>
    public required Input<string> Context { get; init; }

    /// <summary>Path of the kubeconfig file, or null for the usual lookup (KUBECONFIG, then ~/.kube/config).</summary>
    public Input<string>? Kubeconfig { get; init; }

    /// <summary>Whether objects of an unreachable cluster count as deleted, so a dev stack whose cluster is gone can be destroyed.</summary>
    public required Input<bool> DeleteUnreachable { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static ExistingClusterArgs FromPlan(ClusterPlan cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var plan = cluster.Existing ?? throw new ArgumentException("the plan is not for an existing cluster", nameof(cluster));
        return new ExistingClusterArgs
        {
            Context = plan.Context,
            Kubeconfig = plan.Kubeconfig is { } path ? (Input<string>)path : null,
            DeleteUnreachable = cluster.DeleteUnreachable,
        };
    }
}
