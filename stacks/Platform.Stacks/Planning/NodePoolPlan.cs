using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>A concrete node pool: the spec with its names, zones, totals and cloud settings worked out.</summary>
/// <param name="ResourceName">Pulumi resource name, <c>&lt;cluster&gt;-&lt;role&gt;</c>: stable, so the pool's URN never changes.</param>
/// <param name="Name">
/// The pool's name in the cloud, <c>&lt;cluster&gt;-&lt;role&gt;-&lt;digest&gt;</c>. The digest covers
/// <paramref name="ReplacedWhen"/>, so a change the cloud can only make on a new pool also gives it a new name, and
/// the new pool is created before the old one is drained and deleted, without a name clash.
/// </param>
/// <param name="ReplacedWhen">The settings whose change replaces the pool.</param>
/// <param name="Role">Role in the taxonomy.</param>
/// <param name="MachineType">Machine or instance type.</param>
/// <param name="Zones">Zones the pool spreads over.</param>
/// <param name="MinPerZone">Autoscaling lower bound per zone.</param>
/// <param name="MaxPerZone">Autoscaling upper bound per zone.</param>
/// <param name="MinTotal">Lower bound across all zones.</param>
/// <param name="MaxTotal">Upper bound across all zones.</param>
/// <param name="Spot">Whether the pool is spot capacity.</param>
/// <param name="CapacityType">aws capacity type, SPOT or ON_DEMAND.</param>
/// <param name="DiskSizeGb">Boot disk size.</param>
/// <param name="DiskType">Boot disk type.</param>
/// <param name="MaxPodsPerNode">Pods one node runs: the configured figure on gcp, the VPC CNI's per-instance limit on aws.</param>
/// <param name="Labels">Node labels, including <c>platform/pool</c>.</param>
/// <param name="Taints">Node taints.</param>
/// <param name="AllocatablePerNode">What one node offers pods after system reservations.</param>
/// <param name="MaxSurge">Extra nodes an upgrade may add at a time.</param>
/// <param name="MaxUnavailable">Nodes an upgrade may take down at a time (EKS needs at least 1).</param>
/// <param name="Gke">GKE-only settings; null elsewhere.</param>
/// <param name="Eks">EKS-only settings; null elsewhere.</param>
public sealed record NodePoolPlan(
    string ResourceName,
    string Name,
    IReadOnlyList<string> ReplacedWhen,
    NodePoolRole Role,
    string MachineType,
    IReadOnlyList<string> Zones,
    int MinPerZone,
    int MaxPerZone,
    int MinTotal,
    int MaxTotal,
    bool Spot,
    string CapacityType,
    int DiskSizeGb,
    string DiskType,
    int MaxPodsPerNode,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    Resources AllocatablePerNode,
    int MaxSurge,
    int MaxUnavailable,
    GkeNodeSettings? Gke,
    EksNodeSettings? Eks);
