using Pulumi;
using Pulumi.Gcp.Compute;
using Pulumi.Gcp.Compute.Inputs;

namespace Platform.Components.Gcp;

/// <summary>
/// The VPC of a GKE cluster: one subnet carrying the node range and the pod and service secondary ranges,
/// and a Cloud Router with Cloud NAT so private nodes reach the internet. GKE adds the firewall rules it
/// needs itself, so none are created here.
/// </summary>
public sealed class GkeNetwork : ComponentResource
{
    /// <summary>Creates the network for the planned cluster.</summary>
    public GkeNetwork(string name, GkeNetworkArgs args, ComponentResourceOptions? options = null)
        : base("platform:gcp:GkeNetwork", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var child = new CustomResourceOptions { Parent = this, Protect = args.Protect };

        var network = new Network($"{name}-vpc", new NetworkArgs
        {
            Name = plan.NetworkName,
            Project = plan.Project,
            AutoCreateSubnetworks = false,
            RoutingMode = "REGIONAL",
        }, child);

        var subnet = new Subnetwork($"{name}-subnet", new SubnetworkArgs
        {
            Name = plan.SubnetName,
            Project = plan.Project,
            Region = plan.Location,
            Network = network.Id,
            IpCidrRange = plan.NodesCidr,
            PrivateIpGoogleAccess = true,
            SecondaryIpRanges =
            {
                new SubnetworkSecondaryIpRangeArgs { RangeName = plan.PodsRangeName, IpCidrRange = plan.PodsCidr },
                new SubnetworkSecondaryIpRangeArgs { RangeName = plan.ServicesRangeName, IpCidrRange = plan.ServicesCidr },
            },
        }, child);

        var router = new Router($"{name}-router", new RouterArgs
        {
            Name = plan.RouterName,
            Project = plan.Project,
            Region = plan.Location,
            Network = network.Id,
        }, new CustomResourceOptions { Parent = this });

        _ = new RouterNat($"{name}-nat", new RouterNatArgs
        {
            Name = plan.NatName,
            Project = plan.Project,
            Region = plan.Location,
            Router = router.Name,
            NatIpAllocateOption = "AUTO_ONLY",
            SourceSubnetworkIpRangesToNat = "ALL_SUBNETWORKS_ALL_IP_RANGES",
            LogConfig = new RouterNatLogConfigArgs { Enable = true, Filter = "ERRORS_ONLY" },
        }, new CustomResourceOptions { Parent = this });

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
