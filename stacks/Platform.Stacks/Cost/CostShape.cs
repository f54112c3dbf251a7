namespace Platform.Stacks.Cost;

/// <summary>
/// An estimate of what a stack costs per hour while it runs, at its pools' smallest and largest sizes: list prices
/// from <see cref="PriceCatalog"/>, on demand, in one reference region. It shows the shape of the cost (which pool
/// dominates, how far autoscaling can take it), not a bill.
/// </summary>
/// <param name="Estimate">Always true: the figures are estimates, and every consumer must say so.</param>
/// <param name="Currency">Currency of every figure.</param>
/// <param name="PricesAsOf">The day the catalog's prices were recorded.</param>
/// <param name="PriceRegion">The region the prices are for, whatever region the stack is in.</param>
/// <param name="ControlPlanePerHour">The managed control plane's fee.</param>
/// <param name="NatPerHour">NAT gateways, before traffic; Cloud NAT bills per VM, so this is its figure at the pools' largest size.</param>
/// <param name="Pools">Per pool, its node price and its range.</param>
/// <param name="MinPerHour">Everything at the pools' minimum sizes.</param>
/// <param name="MaxPerHour">Everything at the pools' maximum sizes.</param>
/// <param name="Excludes">What the figures leave out.</param>
public sealed record CostShape(
    bool Estimate,
    string Currency,
    string PricesAsOf,
    string PriceRegion,
    decimal ControlPlanePerHour,
    decimal NatPerHour,
    IReadOnlyList<PoolCost> Pools,
    decimal MinPerHour,
    decimal MaxPerHour,
    IReadOnlyList<string> Excludes);

/// <summary>One pool's share of a <see cref="CostShape"/>.</summary>
/// <param name="Pool">The pool's resource name.</param>
/// <param name="MachineType">Its machine type.</param>
/// <param name="NodePerHour">One node's on-demand list price.</param>
/// <param name="MinNodes">Nodes at its smallest.</param>
/// <param name="MaxNodes">Nodes at its largest.</param>
/// <param name="MinPerHour">Nodes at their smallest, times the node price.</param>
/// <param name="MaxPerHour">Nodes at their largest, times the node price.</param>
/// <param name="Spot">A spot pool, priced on demand: its figures are an upper bound.</param>
public sealed record PoolCost(string Pool, string MachineType, decimal NodePerHour, int MinNodes, int MaxNodes, decimal MinPerHour, decimal MaxPerHour, bool Spot);
