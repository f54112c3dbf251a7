using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Gcp;

/// <summary>Arguments of <see cref="GkeCluster"/>.</summary>
public sealed class GkeClusterArgs
{
    /// <summary>Cluster name.</summary>
    public required string ClusterName { get; init; }

    /// <summary>The planned cluster.</summary>
    public required GkeClusterPlan Plan { get; init; }

    /// <summary>Id of the VPC from <see cref="GkeNetwork"/>.</summary>
    public required Input<string> NetworkId { get; init; }

    /// <summary>Id of the subnet from <see cref="GkeNetwork"/>.</summary>
    public required Input<string> SubnetId { get; init; }

    /// <summary>Whether the cluster and its node identity are protected against deletion and replacement (prod).</summary>
    public bool Protect { get; init; }
}
