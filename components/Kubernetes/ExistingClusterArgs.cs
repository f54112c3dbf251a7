using Platform.Stacks.Clusters;

namespace Platform.Components.Kubernetes;

/// <summary>Arguments of <see cref="ExistingCluster"/>.</summary>
public sealed class ExistingClusterArgs
{
    /// <summary>The planned connection: kubeconfig context and optional kubeconfig path.</summary>
    public required ExistingClusterPlan Plan { get; init; }
}
