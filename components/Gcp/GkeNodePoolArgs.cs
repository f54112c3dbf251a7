using Platform.Stacks.Planning;
using Pulumi;

namespace Platform.Components.Gcp;

/// <summary>Arguments of <see cref="GkeNodePool"/>.</summary>
public sealed class GkeNodePoolArgs
{
    /// <summary>The planned pool.</summary>
    public required NodePoolPlan Pool { get; init; }

    /// <summary>Project of the cluster.</summary>
    public required string Project { get; init; }

    /// <summary>Region of the cluster.</summary>
    public required string Location { get; init; }

    /// <summary>The cluster's full id from <see cref="GkeCluster.ClusterId"/>.</summary>
    public required Input<string> ClusterId { get; init; }

    /// <summary>The nodes' service account e-mail from <see cref="GkeCluster.NodeServiceAccountEmail"/>.</summary>
    public required Input<string> ServiceAccountEmail { get; init; }

    /// <summary>Whether the pool is protected against deletion and replacement (prod).</summary>
    public bool Protect { get; init; }
}
