using Platform.Stacks.Clusters;
using Platform.Stacks.Planning;

namespace Platform.Components.Aws;

/// <summary>Arguments of <see cref="EksNetwork"/>.</summary>
public sealed class EksNetworkArgs
{
    /// <summary>The planned network: VPC CIDR, per-zone subnets and NAT count.</summary>
    public required NetworkPlan Network { get; init; }

    /// <summary>The planned cluster, for the subnet discovery tags.</summary>
    public required EksClusterPlan Cluster { get; init; }

    /// <summary>Whether the VPC and subnets are protected against deletion and replacement (prod).</summary>
    public bool Protect { get; init; }
}
