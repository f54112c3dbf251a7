using Platform.Stacks.Model;
using Platform.Stacks.Planning;

namespace Platform.Stacks.Cost;

/// <summary>Works out a stack's <see cref="CostShape"/> from its node pools and network.</summary>
public static class CostPlanner
{
    /// <summary>Figures are rounded to this many decimal places, a tenth of a cent.</summary>
    private const int Places = 3;

    /// <summary>
    /// The cost shape of a planned stack; null for an existing cluster, whose nodes and prices the plan does not know.
    /// Every pool's machine type is in the machine catalog by the time a plan exists, and every catalog type has a price.
    /// </summary>
    public static CostShape? Plan(CloudKind cloud, IReadOnlyList<NodePoolPlan> pools, NetworkPlan? network)
    {
        ArgumentNullException.ThrowIfNull(pools);
        if (cloud == CloudKind.Existing)
        {
            return null;
        }

        var costs = pools.Select(pool =>
        {
            var type = MachineCatalog.Find(cloud, pool.MachineType)
                ?? throw new InvalidOperationException($"machine type {pool.MachineType} passed validation but is not in the machine catalog");
            var price = PriceCatalog.Node(cloud, type)
                ?? throw new InvalidOperationException($"machine type {pool.MachineType} has no price in the price catalog");
            return new PoolCost(pool.ResourceName, pool.MachineType, Round(price), pool.MinTotal, pool.MaxTotal, Round(price * pool.MinTotal), Round(price * pool.MaxTotal), pool.Spot);
        }).ToList();

        var controlPlane = PriceCatalog.ControlPlane(cloud);
        var gateways = network?.NatGateways ?? 0;
        var maxNodes = pools.Sum(p => p.MaxTotal);
        var minNodes = pools.Sum(p => p.MinTotal);
        decimal Nat(int nodes) => cloud == CloudKind.Aws
            ? gateways * PriceCatalog.AwsNatGateway
            : gateways * Math.Min(nodes * PriceCatalog.GcpNatPerVm, PriceCatalog.GcpNatCap);
        string[] excludes = ["boot disks and volumes", "load balancers", "network traffic", "spot and committed-use discounts", "regional price differences"];
        return new CostShape(
            Estimate: true,
            PriceCatalog.Currency,
            PriceCatalog.AsOf,
            PriceCatalog.ReferenceRegion(cloud),
            Round(controlPlane),
            Round(Nat(maxNodes)),
            costs,
            Round(controlPlane + Nat(minNodes) + costs.Sum(c => c.MinPerHour)),
            Round(controlPlane + Nat(maxNodes) + costs.Sum(c => c.MaxPerHour)),
            excludes);
    }

    // Dividing by 1 with a large scale drops trailing zeros, so 0.100 is written as 0.1.
    private static decimal Round(decimal value) => Math.Round(value, Places, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;
}
