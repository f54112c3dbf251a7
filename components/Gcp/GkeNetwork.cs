using Pulumi;
using Pulumi.Gcp.Compute;
using Pulumi.Gcp.Compute.Inputs;

namespace Platform.Components.Gcp;

/// <summary>
/// The VPC of a GKE cluster: one subnet carrying the node range and the pod and service secondary ranges,
/// and a Cloud Router with Cloud NAT so private nodes reach the internet. GKE adds the firewall rules it
/// needs itself, so none are created here. Pass <c>Protect = true</c> in the options to protect every child.
/// </summary>
public sealed class GkeNetwork : ComponentResource
{
    /// <summary>Creates the network.</summary>
    public GkeNetwork(string name, GkeNetworkArgs args, ComponentResourceOptions? options = null)
        : base("platform:gcp:GkeNetwork", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var child = new CustomResourceOptions { Parent = this };

        var network = new Network($"{name}-vpc", new NetworkArgs
        {
            Name = args.NetworkName,
            Project = args.Project,
            AutoCreateSubnetworks = false,
            RoutingMode = "REGIONAL",
        }, child);

        var subnet = new Subnetwork($"{name}-subnet", new SubnetworkArgs
        {
            Name = args.SubnetName,
            Project = args.Project,
            Region = args.Region,
            Network = network.Id,
            IpCidrRange = args.NodesCidr,
            PrivateIpGoogleAccess = true,
            SecondaryIpRanges =
            {
                new SubnetworkSecondaryIpRangeArgs { RangeName = args.PodsRangeName, IpCidrRange = args.PodsCidr },
                new SubnetworkSecondaryIpRangeArgs { RangeName = args.ServicesRangeName, IpCidrRange = args.ServicesCidr },
            },
        }, child);

        var router = new Router($"{name}-router", new RouterArgs
        {
            Name = args.RouterName,
            Project = args.Project,
            Region = args.Region,
            Network = network.Id,
        }, child);

        _ = new RouterNat($"{name}-nat", new RouterNatArgs
        {
            Name = args.NatName,
            Project = args.Project,
            Region = args.Region,
            Router = router.Name,
            NatIpAllocateOption = args.NatIpAllocation,
            SourceSubnetworkIpRangesToNat = args.NatSourceRanges,
            LogConfig = new RouterNatLogConfigArgs { Enable = true, Filter = args.NatLogFilter },
        }, child);

        NetworkId = network.Id;
        SubnetId = subnet.Id;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["networkId"] = NetworkId,
            ["subnetId"] = SubnetId,
        });
    }

    /// <summary>The VPC's id, which GKE accepts as its network.</summary>
    [Output("networkId")]
    public Output<string> NetworkId { get; }

    /// <summary>The subnet's id, which GKE accepts as its subnetwork.</summary>
    [Output("subnetId")]
    public Output<string> SubnetId { get; }
}
