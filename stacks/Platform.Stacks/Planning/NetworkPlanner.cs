using System.Globalization;
using System.Net;
using Platform.Stacks.Binding;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>
/// Carves every range a cloud cluster needs out of the one VPC CIDR: the node, pod and service ranges of a
/// GKE subnet, or a public and a private subnet per zone for EKS. Sizes follow from the node pools.
/// </summary>
public static class NetworkPlanner
{
    private const string NetworkKey = "platform:network";
    private const string DefaultEksServices = "172.20.0.0/16";
    private const string FallbackEksServices = "10.100.0.0/16";

    /// <summary>Plans the network, or returns null for existing clusters and when the network config is already invalid.</summary>
    public static NetworkPlan? Plan(PlatformSpec spec, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (spec.Network is null || diagnostics.HasErrorAt(NetworkKey) || diagnostics.HasErrorAt("platform:cluster.zones")
            || Syntax.CidrProblem(spec.Network.Cidr, out var vpc) is not null || spec.Cluster.Zones.Count == 0)
        {
            return null;
        }

        return spec.Cloud == CloudKind.Gcp
            ? PlanGcp(spec, spec.Network, vpc, diagnostics)
            : PlanAws(spec, spec.Network, vpc, diagnostics);
    }

    /// <summary>Addresses one node's pod range takes on GKE: the power of two at or above twice the pods per node.</summary>
    public static ulong PodBlockPerNode(int maxPodsPerNode) => CidrAllocator.Size(new IPNetwork(IPAddress.Any, CidrAllocator.PrefixFor(2UL * (ulong)maxPodsPerNode)));

    private static NetworkPlan? PlanGcp(PlatformSpec spec, NetworkSpec network, IPNetwork vpc, DiagnosticBag diagnostics)
    {
        var name = spec.Cluster.Name;
        var zones = spec.Cluster.Zones.Count;
        var maxNodes = (ulong)spec.NodePools.Sum(p => (long)p.MaxNodes) * (ulong)zones;
        var perNode = PodBlockPerNode(network.MaxPodsPerNode);
        var podAddresses = Math.Max(1, maxNodes) * perNode;
        var wanted = new (string Purpose, string ConfigName, string? Explicit, int Prefix, ulong Need, string Why)[]
        {
            ("pods", "podsCidr", network.PodsCidr, CidrAllocator.PrefixFor(podAddresses), podAddresses,
                Invariant($"{maxNodes} nodes at most × {perNode} addresses each ({network.MaxPodsPerNode} pods per node)")),
            ("services", "servicesCidr", network.ServicesCidr, 20, 1, "the service range"),
            ("nodes", "nodesCidr", network.NodesCidr, Math.Min(24, CidrAllocator.PrefixFor(maxNodes + 4)), maxNodes + 4,
                Invariant($"{maxNodes} nodes at most plus 4 reserved addresses")),
        };

        var allocator = new CidrAllocator(vpc);
        var ranges = new Dictionary<string, (IPNetwork Network, string Source)>(StringComparer.Ordinal);
        foreach (var want in wanted.Where(w => w.Explicit is not null))
        {
            Syntax.CidrProblem(want.Explicit!, out var range);
            if (CidrAllocator.Size(range) < want.Need)
            {
                diagnostics.Error($"{NetworkKey}.{want.ConfigName}", Invariant(
                    $"'{want.Explicit}' holds {CidrAllocator.Size(range)} addresses but {want.Why} need {want.Need}; use a /{CidrAllocator.PrefixFor(want.Need)} or larger"));
            }

            foreach (var other in ranges)
            {
                if (CidrAllocator.Overlap(other.Value.Network, range))
                {
                    diagnostics.Error($"{NetworkKey}.{want.ConfigName}", $"'{want.Explicit}' overlaps the {other.Key} range {other.Value.Network}; ranges must not share addresses");
                }
            }

            allocator.Reserve(range);
            ranges[want.Purpose] = (range, "config");
        }

        var missing = wanted.Where(w => w.Explicit is null).OrderBy(w => w.Prefix).ToList();
        foreach (var want in missing)
        {
            if (allocator.Allocate(want.Prefix) is { } range)
            {
                ranges[want.Purpose] = (range, "planned");
                continue;
            }

            var total = missing.Aggregate(0UL, (sum, w) => sum + (1UL << (32 - w.Prefix)));
            var parts = string.Join(", ", missing.Select(w => $"{w.Purpose} /{w.Prefix}"));
            diagnostics.Error($"{NetworkKey}.cidr", Invariant(
                $"'{network.Cidr}' is too small: it holds {CidrAllocator.Size(vpc)} addresses but the planned ranges ({parts}) need {total}, sized for {wanted[0].Why}; use a /{CidrAllocator.PrefixFor(total)} or larger, or lower maxNodes"));
            return null;
        }

        var subnets = new List<SubnetPlan>
        {
            new($"{name}-nodes", "nodes", null, ranges["nodes"].Network.ToString(), ranges["nodes"].Source),
            new($"{name}-pods", "pods", null, ranges["pods"].Network.ToString(), ranges["pods"].Source),
            new($"{name}-services", "services", null, ranges["services"].Network.ToString(), ranges["services"].Source),
        };
        return new NetworkPlan($"{name}-vpc", network.Cidr, network.MaxPodsPerNode, subnets, ranges["services"].Network.ToString(), 1);
    }

    private static NetworkPlan? PlanAws(PlatformSpec spec, NetworkSpec network, IPNetwork vpc, DiagnosticBag diagnostics)
    {
        var name = spec.Cluster.Name;
        var zones = spec.Cluster.Zones;
        if (vpc.PrefixLength is < 16 or > 24)
        {
            diagnostics.Error($"{NetworkKey}.cidr", $"'{network.Cidr}' has prefix /{vpc.PrefixLength}; an EKS VPC here must be /16 to /24");
            return null;
        }

        var slots = NextPowerOfTwo(zones.Count + 1);
        var privatePrefix = vpc.PrefixLength + Log2(slots);
        var publicPrefix = privatePrefix + Log2(NextPowerOfTwo(zones.Count));
        // With the VPC CNI every pod takes a VPC address, and a node runs as many pods as its type allows.
        var pools = spec.NodePools
            .Select(p => (p.MaxNodes, Pods: MachineCatalog.Find(spec.Cloud, p.MachineType) is { } type ? MachineCatalog.PodsPerNode(type, network.MaxPodsPerNode) : network.MaxPodsPerNode))
            .ToList();
        var perZoneNodes = (ulong)pools.Sum(p => (long)p.MaxNodes);
        var need = pools.Aggregate(5UL, (sum, p) => sum + ((ulong)p.MaxNodes * (ulong)(p.Pods + 1)));
        var privateSize = 1UL << (32 - privatePrefix);
        if (privatePrefix > 28 || privateSize < need)
        {
            diagnostics.Error($"{NetworkKey}.cidr", Invariant(
                $"'{network.Cidr}' is too small: each zone's private subnet would be a /{privatePrefix} ({privateSize} addresses) but {perZoneNodes} nodes, each with its instance type's pods plus itself (VPC CNI), + 5 reserved need {need}; use a larger CIDR or lower maxNodes"));
            return null;
        }

        var allocator = new CidrAllocator(vpc);
        var subnets = new List<SubnetPlan>();
        foreach (var zone in zones)
        {
            subnets.Add(new($"{name}-private-{zone}", "private", zone, allocator.Allocate(privatePrefix)!.Value.ToString(), "planned"));
        }

        foreach (var zone in zones)
        {
            subnets.Add(new($"{name}-public-{zone}", "public", zone, allocator.Allocate(publicPrefix)!.Value.ToString(), "planned"));
        }

        var services = network.ServicesCidr
            ?? (CidrAllocator.Overlap(vpc, IPNetwork.Parse(DefaultEksServices)) ? FallbackEksServices : DefaultEksServices);
        if (Syntax.CidrProblem(services, out var serviceRange) is null)
        {
            if (CidrAllocator.Overlap(serviceRange, vpc))
            {
                diagnostics.Error($"{NetworkKey}.servicesCidr", $"'{services}' overlaps the VPC {network.Cidr}; EKS needs a service range outside the VPC");
            }
            else if (serviceRange.PrefixLength is < 12 or > 24)
            {
                diagnostics.Error($"{NetworkKey}.servicesCidr", $"'{services}' has prefix /{serviceRange.PrefixLength}; EKS accepts /12 to /24");
            }
        }

        var nat = spec.Environment == EnvironmentProfile.Prod ? zones.Count : 1;
        return new NetworkPlan($"{name}-vpc", network.Cidr, pools.Count == 0 ? 0 : pools.Max(p => p.Pods), subnets, services, nat);
    }

    private static int NextPowerOfTwo(int value)
    {
        var result = 1;
        while (result < value)
        {
            result <<= 1;
        }

        return result;
    }

    private static int Log2(int powerOfTwo) => System.Numerics.BitOperations.Log2((uint)powerOfTwo);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
