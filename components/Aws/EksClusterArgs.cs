using System.Collections.Immutable;
using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>Arguments of <see cref="EksCluster"/>.</summary>
public sealed class EksClusterArgs
{
    /// <summary>Cluster name.</summary>
    public required string ClusterName { get; init; }

    /// <summary>The planned cluster.</summary>
    public required EksClusterPlan Plan { get; init; }

    /// <summary>Private subnet ids from <see cref="EksNetwork"/>; the control plane's network interfaces go here.</summary>
    public required Output<ImmutableArray<string>> PrivateSubnetIds { get; init; }

    /// <summary>Whether the cluster, its key and roles are protected against deletion and replacement (prod).</summary>
    public bool Protect { get; init; }
}
