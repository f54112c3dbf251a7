using System.Collections.Immutable;
using Platform.Stacks.Planning;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>Arguments of <see cref="EksNodeGroup"/>.</summary>
public sealed class EksNodeGroupArgs
{
    /// <summary>The planned pool.</summary>
    public required NodePoolPlan Pool { get; init; }

    /// <summary>Cluster name from <see cref="EksCluster.ClusterName"/>.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>Node role from <see cref="EksCluster.NodeRoleArn"/>.</summary>
    public required Input<string> NodeRoleArn { get; init; }

    /// <summary>Private subnets from <see cref="EksNetwork.PrivateSubnetIds"/>; nodes never get public addresses.</summary>
    public required Output<ImmutableArray<string>> PrivateSubnetIds { get; init; }

    /// <summary>Whether the node group is protected against deletion and replacement (prod).</summary>
    public bool Protect { get; init; }
}
