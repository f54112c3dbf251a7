using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Gcp;

/// <summary>
/// Arguments of <see cref="GkeNetwork"/>. Nothing has a default: every value is given, usually by
/// <see cref="FromPlan"/>. Protection comes from the component's options and is inherited by every child.
/// </summary>
public sealed class GkeNetworkArgs
{
    /// <summary>GCP project of the network.</summary>
    public required Input<string> Project { get; init; }

    /// <summary>Region of the subnet, the router and the NAT.</summary>
    public required Input<string> Region { get; init; }

    /// <summary>VPC name. The VPC never auto-creates subnets.</summary>
    public required Input<string> NetworkName { get; init; }

    /// <summary>Subnet name.</summary>
    public required Input<string> SubnetName { get; init; }

    /// <summary>The subnet's primary range, which holds the nodes.</summary>
    public required Input<string> NodesCidr { get; init; }

    /// <summary>Name of the secondary range for pods.</summary>
    public required Input<string> PodsRangeName { get; init; }

    /// <summary>The pod range.</summary>
    public required Input<string> PodsCidr { get; init; }

    /// <summary>Name of the secondary range for services.</summary>
    public required Input<string> ServicesRangeName { get; init; }

    /// <summary>The service range.</summary>
    public required Input<string> ServicesCidr { get; init; }

    /// <summary>Cloud Router name.</summary>
    public required Input<string> RouterName { get; init; }

    /// <summary>Cloud NAT name.</summary>
    public required Input<string> NatName { get; init; }

    /// <summary>How NAT addresses are allocated, e.g. AUTO_ONLY.</summary>
    public required Input<string> NatIpAllocation { get; init; }

    /// <summary>Which source ranges are translated, e.g. ALL_SUBNETWORKS_ALL_IP_RANGES.</summary>
    public required Input<string> NatSourceRanges { get; init; }

    /// <summary>What the NAT logs: ERRORS_ONLY, TRANSLATIONS_ONLY or ALL.</summary>
    public required Input<string> NatLogFilter { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static GkeNetworkArgs FromPlan(GkeClusterPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new GkeNetworkArgs
        {
            Project = plan.Project,
            Region = plan.Location,
            NetworkName = plan.NetworkName,
            SubnetName = plan.SubnetName,
            NodesCidr = plan.NodesCidr,
            PodsRangeName = plan.PodsRangeName,
            PodsCidr = plan.PodsCidr,
            ServicesRangeName = plan.ServicesRangeName,
            ServicesCidr = plan.ServicesCidr,
            RouterName = plan.RouterName,
            NatName = plan.Nat.Name,
            NatIpAllocation = plan.Nat.IpAllocation,
            NatSourceRanges = plan.Nat.SourceRanges,
            NatLogFilter = plan.Nat.LogFilter,
        };
    }
}
