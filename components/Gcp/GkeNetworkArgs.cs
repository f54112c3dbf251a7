using Platform.Stacks.Clusters;

namespace Platform.Components.Gcp;

/// <summary>Arguments of <see cref="GkeNetwork"/>.</summary>
public sealed class GkeNetworkArgs
{
    /// <summary>The planned cluster, whose network names and ranges are used.</summary>
    public required GkeClusterPlan Plan { get; init; }

    /// <summary>Whether the network is protected against deletion and replacement (prod).</summary>
    public bool Protect { get; init; }
}
