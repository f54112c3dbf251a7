using System.Globalization;
using Platform.Stacks.Clusters;
using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>Turns node pool specs into concrete pools spread over the cluster's zones.</summary>
public static class NodePoolPlanner
{
    /// <summary>The longest pool name in the cloud (GKE allows 40 characters; EKS more).</summary>
    public const int MaxNameLength = 40;

    /// <summary>GKE settings that only a new pool can change.</summary>
    public static IReadOnlyList<string> GkeReplacedWhen { get; } = ["generation", "machineType", "diskSizeGb", "diskType", "spot", "maxPodsPerNode"];

    /// <summary>
    /// EKS settings that only a new node group can change. minNodes is among them: EKS refuses a minimum above the
    /// size the autoscaler last chose, and the program cannot see that size, so a new minimum comes with a new group
    /// created at that size.
    /// </summary>
    public static IReadOnlyList<string> EksReplacedWhen { get; } = ["generation", "machineType", "capacityType", "amiType", "minNodes"];

    /// <summary>Plans every enabled pool; empty for existing clusters.</summary>
    public static IReadOnlyList<NodePoolPlan> Plan(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var zones = spec.Cluster.Zones;
        var configuredPods = spec.Network?.MaxPodsPerNode ?? 0;
        var aws = spec.Cloud == CloudKind.Aws;
        return spec.NodePools.Select(pool =>
        {
            var machine = MachineCatalog.Find(spec.Cloud, pool.MachineType);
            var role = pool.Role.ToString().ToLowerInvariant();
            var pods = machine is null ? configuredPods : MachineCatalog.PodsPerNode(machine, configuredPods);
            var capacityType = pool.Spot ? "SPOT" : "ON_DEMAND";
            var minTotal = pool.MinNodes * zones.Count;
            var amiType = machine?.Arm == true ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
            var replacedBy = aws
                ? new[] { pool.Generation.ToString(CultureInfo.InvariantCulture), pool.MachineType, capacityType, amiType, minTotal.ToString(CultureInfo.InvariantCulture) }
                : [pool.Generation.ToString(CultureInfo.InvariantCulture), pool.MachineType, pool.DiskSizeGb.ToString(CultureInfo.InvariantCulture), pool.DiskType, pool.Spot ? "spot" : "standard", pods.ToString(CultureInfo.InvariantCulture)];
            var replacedWhen = aws ? EksReplacedWhen : GkeReplacedWhen;
            return new NodePoolPlan(
                $"{spec.Cluster.Name}-{role}",
                CloudName(spec.Cluster.Name, role, replacedWhen.Zip(replacedBy, (k, v) => $"{k}={v}")),
                replacedWhen,
                pool.Role,
                pool.MachineType,
                zones,
                pool.MinNodes,
                pool.MaxNodes,
                minTotal,
                pool.MaxNodes * zones.Count,
                pool.Spot,
                capacityType,
                pool.DiskSizeGb,
                pool.DiskType,
                pods,
                pool.Labels,
                pool.Taints,
                machine is null ? Resources.Zero : MachineCatalog.Allocatable(machine, pods),
                MaxSurge: 1,
                MaxUnavailable: aws ? 1 : 0,
                aws ? null : new GkeNodeSettings(Math.Max(1, pool.MinNodes), "BALANCED", true, true, "SURGE", "GKE_METADATA", true, true, [ClusterPlanner.CloudPlatformScope]),
                aws ? new EksNodeSettings(amiType, minTotal, "/dev/xvda", true, "required", 1) : null);
        }).ToList();
    }

    /// <summary>
    /// <c>&lt;cluster&gt;-&lt;role&gt;-&lt;digest&gt;</c>, at most <see cref="MaxNameLength"/> characters: a long
    /// cluster name is shortened, and the digest (which covers the full name) keeps names apart.
    /// </summary>
    private static string CloudName(string cluster, string role, IEnumerable<string> settings)
    {
        var digest = ClusterPlanner.Digest(string.Join('|', new[] { cluster, role }.Concat(settings)))[..6];
        var suffix = $"-{role}-{digest}";
        var prefix = cluster.Length + suffix.Length <= MaxNameLength ? cluster : cluster[..(MaxNameLength - suffix.Length)].TrimEnd('-');
        return prefix + suffix;
    }
}
