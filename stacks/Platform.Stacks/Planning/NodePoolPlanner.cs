using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>Turns node pool specs into concrete pools spread over the cluster's zones.</summary>
public static class NodePoolPlanner
{
    /// <summary>Plans every enabled pool; empty for existing clusters.</summary>
    public static IReadOnlyList<NodePoolPlan> Plan(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var zones = spec.Cluster.Zones;
        var maxPods = spec.Network?.MaxPodsPerNode ?? 0;
        return spec.NodePools.Select(pool =>
        {
            var machine = MachineCatalog.Find(spec.Cloud, pool.MachineType);
            var role = pool.Role.ToString().ToLowerInvariant();
            return new NodePoolPlan(
                pool.Generation == 1 ? $"{spec.Cluster.Name}-{role}" : $"{spec.Cluster.Name}-{role}-g{pool.Generation}",
                pool.Role,
                pool.MachineType,
                zones,
                pool.MinNodes,
                pool.MaxNodes,
                pool.MinNodes * zones.Count,
                pool.MaxNodes * zones.Count,
                pool.Spot,
                pool.Spot ? "SPOT" : "ON_DEMAND",
                pool.DiskSizeGb,
                pool.DiskType,
                maxPods,
                pool.Labels,
                pool.Taints,
                machine is null ? Resources.Zero : MachineCatalog.Allocatable(machine, maxPods),
                MaxSurge: 1,
                MaxUnavailable: spec.Cloud == CloudKind.Aws ? 1 : 0);
        }).ToList();
    }
}
