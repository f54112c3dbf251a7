using Platform.Stacks.Clusters;
using Platform.Stacks.Planning;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>
/// Arguments of <see cref="EksNetwork"/>. Nothing has a default: every value is given, usually by
/// <see cref="FromPlan"/>. Protection comes from the component's options and is inherited by every child.
/// </summary>
public sealed class EksNetworkArgs
{
    /// <summary>Name tag of the VPC.</summary>
    public required Input<string> VpcName { get; init; }

    /// <summary>The VPC range.</summary>
    public required Input<string> Cidr { get; init; }

    /// <summary>The subnets, public and private, in the order their NAT gateways and route tables are numbered.</summary>
    public required IReadOnlyList<EksSubnet> Subnets { get; init; }

    /// <summary>NAT gateways, each in one public subnet; private subnet i routes through gateway min(i, count - 1).</summary>
    public required int NatGateways { get; init; }

    /// <summary>Tags of public subnets, which internet-facing load balancers discover.</summary>
    public required IReadOnlyDictionary<string, string> PublicSubnetTags { get; init; }

    /// <summary>Tags of private subnets, which internal load balancers discover.</summary>
    public required IReadOnlyDictionary<string, string> PrivateSubnetTags { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static EksNetworkArgs FromPlan(NetworkPlan network, EksClusterPlan cluster)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(cluster);
        return new EksNetworkArgs
        {
            VpcName = network.Name,
            Cidr = network.Cidr,
            Subnets = network.Subnets.Select(s => new EksSubnet(s.Name, s.Zone!, s.Cidr, s.Purpose == "public")).ToList(),
            NatGateways = network.NatGateways,
            PublicSubnetTags = cluster.PublicSubnetTags,
            PrivateSubnetTags = cluster.PrivateSubnetTags,
        };
    }
}
