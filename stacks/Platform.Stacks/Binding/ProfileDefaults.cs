using Platform.Stacks.Model;

namespace Platform.Stacks.Binding;

/// <summary>
/// The defaults each environment profile supplies. Explicit config always wins; the spec records which
/// values came from here.
/// </summary>
public static class ProfileDefaults
{
    /// <summary>The fewest zones a profile accepts.</summary>
    public static int MinZones(EnvironmentProfile profile) => profile == EnvironmentProfile.Prod ? 3 : 1;

    /// <summary>Default GKE release channel.</summary>
    public static string ReleaseChannel(EnvironmentProfile profile) => profile == EnvironmentProfile.Prod ? "STABLE" : "REGULAR";

    /// <summary>Default pinned EKS Kubernetes version.</summary>
    public const string EksVersion = "1.34";

    /// <summary>Whether the cloud refuses to delete the cluster.</summary>
    public static bool DeletionProtection(EnvironmentProfile profile) => profile == EnvironmentProfile.Prod;

    /// <summary>Whether add-ons run replicated with disruption budgets.</summary>
    public static bool HighAvailability(EnvironmentProfile profile) => profile == EnvironmentProfile.Prod;

    /// <summary>Default VPC CIDR; distinct per profile so environments can be peered.</summary>
    public static string NetworkCidr(EnvironmentProfile profile) => profile switch
    {
        EnvironmentProfile.Prod => "10.20.0.0/16",
        EnvironmentProfile.Staging => "10.10.0.0/16",
        _ => "10.30.0.0/16",
    };

    /// <summary>Default pods per node.</summary>
    public const int MaxPodsPerNode = 110;

    /// <summary>Default daily maintenance window start, UTC.</summary>
    public const string MaintenanceWindow = "03:00";

    /// <summary>Default quota of a tenant that does not set one.</summary>
    public static TenantQuota TenantQuota(EnvironmentProfile profile) => profile switch
    {
        EnvironmentProfile.Prod => new(Quantity.Cores(16), Quantity.GiB(32), 200),
        EnvironmentProfile.Staging => new(Quantity.Cores(8), Quantity.GiB(16), 100),
        _ => new(Quantity.Cores(4), Quantity.GiB(8), 50),
    };

    /// <summary>Default boot disk type per cloud.</summary>
    public static string DiskType(CloudKind cloud, NodePoolRole role) => cloud switch
    {
        CloudKind.Aws => "gp3",
        _ => role == NodePoolRole.Stateful ? "pd-ssd" : "pd-balanced",
    };

    /// <summary>Default boot disk size in GB.</summary>
    public const int DiskSizeGb = 100;

    /// <summary>Default machine type for a role on a cloud in a profile.</summary>
    public static string MachineType(CloudKind cloud, NodePoolRole role, EnvironmentProfile profile)
    {
        var size = Pool(profile, role).Size;
        return (cloud, role) switch
        {
            (CloudKind.Aws, NodePoolRole.System) => "m6i.xlarge",
            (CloudKind.Aws, NodePoolRole.General) => size == 0 ? "m6i.xlarge" : "m6i.2xlarge",
            (CloudKind.Aws, NodePoolRole.Compute) => "c6i.2xlarge",
            (CloudKind.Aws, _) => size == 0 ? "r6i.xlarge" : "r6i.2xlarge",
            (_, NodePoolRole.System) => "e2-standard-4",
            (_, NodePoolRole.General) => size == 0 ? "e2-standard-4" : "e2-standard-8",
            (_, NodePoolRole.Compute) => "c3-standard-8",
            _ => size == 0 ? "n2-highmem-4" : "n2-highmem-8",
        };
    }

    /// <summary>Default taints for a role: the system pool takes critical add-ons only, compute and stateful are opt-in.</summary>
    public static IReadOnlyList<Taint> Taints(NodePoolRole role) => role switch
    {
        NodePoolRole.System => [new Taint("CriticalAddonsOnly", "true", TaintEffect.NoSchedule)],
        NodePoolRole.General => [],
        _ => [new Taint(PoolLabel, role.ToString().ToLowerInvariant(), TaintEffect.NoSchedule)],
    };

    /// <summary>The node label every pool carries with its role.</summary>
    public const string PoolLabel = "platform/pool";

    internal static PoolDefaults Pool(EnvironmentProfile profile, NodePoolRole role) => (profile, role) switch
    {
        (EnvironmentProfile.Dev, NodePoolRole.System) => new(true, 1, 1, true, 0),
        (EnvironmentProfile.Dev, NodePoolRole.General) => new(true, 0, 3, true, 0),
        (EnvironmentProfile.Dev, NodePoolRole.Compute) => new(false, 0, 2, true, 0),
        (EnvironmentProfile.Dev, NodePoolRole.Stateful) => new(false, 0, 1, true, 0),
        (EnvironmentProfile.Staging, NodePoolRole.System) => new(true, 1, 2, false, 0),
        (EnvironmentProfile.Staging, NodePoolRole.General) => new(true, 1, 4, false, 0),
        (EnvironmentProfile.Staging, NodePoolRole.Compute) => new(true, 0, 3, true, 0),
        (EnvironmentProfile.Staging, NodePoolRole.Stateful) => new(true, 1, 2, false, 0),
        (EnvironmentProfile.Prod, NodePoolRole.System) => new(true, 1, 2, false, 0),
        (EnvironmentProfile.Prod, NodePoolRole.General) => new(true, 2, 10, false, 1),
        (EnvironmentProfile.Prod, NodePoolRole.Compute) => new(true, 0, 6, true, 1),
        _ => new(true, 1, 4, false, 1),
    };
}
