namespace Platform.Stacks.Model;

/// <summary>One node pool of the taxonomy (<c>platform:nodePools.&lt;role&gt;</c>). Bounds are per zone.</summary>
/// <param name="Role">The pool's role, which is also its config key.</param>
/// <param name="MachineType">Machine or instance type from the machine catalog of the cloud.</param>
/// <param name="MinNodes">Autoscaling lower bound per zone.</param>
/// <param name="MaxNodes">Autoscaling upper bound per zone; must be at least <paramref name="MinNodes"/>.</param>
/// <param name="Spot">Whether nodes are spot capacity. Prod forbids spot for the system pool.</param>
/// <param name="DiskSizeGb">Boot disk size in GB.</param>
/// <param name="DiskType">Boot disk type (pd-balanced, pd-ssd, pd-standard on gcp; gp3, gp2, io1 on aws).</param>
/// <param name="Labels">Extra node labels; the pool label <c>platform/pool</c> is always added.</param>
/// <param name="Taints">Node taints; defaults depend on the role.</param>
/// <param name="Generation">
/// Bumped to replace the pool safely: a new generation is a new pool, created before the old one is removed
/// (in prod the old one stays until it is drained and unprotected). Default 1.
/// </param>
public sealed record NodePoolSpec(
    NodePoolRole Role,
    string MachineType,
    int MinNodes,
    int MaxNodes,
    bool Spot,
    int DiskSizeGb,
    string DiskType,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    int Generation = 1);
