using Pulumi;
using Pulumi.Gcp.Container;
using Pulumi.Gcp.Container.Inputs;

namespace Platform.Components.Gcp;

/// <summary>
/// One GKE node pool of the taxonomy: per-zone autoscaling bounds, spot where planned, labels and taints,
/// auto-repair and auto-upgrade, surge upgrades, shielded nodes and the cluster's dedicated service account.
/// </summary>
public sealed class GkeNodePool : ComponentResource
{
    private const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>Creates the pool.</summary>
    public GkeNodePool(string name, GkeNodePoolArgs args, ComponentResourceOptions? options = null)
        : base("platform:gcp:GkeNodePool", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var pool = args.Pool;
        var nodePool = new NodePool($"{name}-pool", new NodePoolArgs
        {
            Name = pool.Name,
            Project = args.Project,
            Location = args.Location,
            Cluster = args.ClusterId,
            NodeLocations = pool.Zones.ToList(),
            InitialNodeCount = Math.Max(1, pool.MinPerZone),
            MaxPodsPerNode = pool.MaxPodsPerNode,
            Autoscaling = new NodePoolAutoscalingArgs
            {
                MinNodeCount = pool.MinPerZone,
                MaxNodeCount = pool.MaxPerZone,
                LocationPolicy = "BALANCED",
            },
            Management = new NodePoolManagementArgs { AutoRepair = true, AutoUpgrade = true },
            UpgradeSettings = new NodePoolUpgradeSettingsArgs
            {
                Strategy = "SURGE",
                MaxSurge = pool.MaxSurge,
                MaxUnavailable = pool.MaxUnavailable,
            },
            NodeConfig = new NodePoolNodeConfigArgs
            {
                MachineType = pool.MachineType,
                DiskSizeGb = pool.DiskSizeGb,
                DiskType = pool.DiskType,
                Spot = pool.Spot,
                Labels = pool.Labels.ToDictionary(l => l.Key, l => l.Value),
                Taints = pool.Taints
                    .Select(t => new NodePoolNodeConfigTaintArgs { Key = t.Key, Value = t.Value, Effect = t.ApiEffect })
                    .ToList(),
                ServiceAccount = args.ServiceAccountEmail,
                OauthScopes = { CloudPlatformScope },
                WorkloadMetadataConfig = new NodePoolNodeConfigWorkloadMetadataConfigArgs { Mode = "GKE_METADATA" },
                ShieldedInstanceConfig = new NodePoolNodeConfigShieldedInstanceConfigArgs
                {
                    EnableSecureBoot = true,
                    EnableIntegrityMonitoring = true,
                },
            },
        }, new CustomResourceOptions
        {
            Parent = this,
            Protect = args.Protect,
            // The autoscaler owns the node count after creation; the initial count must not force a new pool.
            IgnoreChanges = { "initialNodeCount" },
        });

        PoolName = nodePool.Name;
        RegisterOutputs(new Dictionary<string, object?> { ["poolName"] = PoolName });
    }

    /// <summary>The pool's name in GKE.</summary>
    [Output("poolName")]
    public Output<string> PoolName { get; }
}
