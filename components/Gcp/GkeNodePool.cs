using Pulumi;
using Pulumi.Gcp.Container;
using Pulumi.Gcp.Container.Inputs;

namespace Platform.Components.Gcp;

/// <summary>
/// One GKE node pool: per-zone autoscaling bounds, spot or standard, labels and taints, auto-repair and
/// auto-upgrade, surge upgrades, shielded nodes and the cluster's dedicated service account. A replacement creates
/// the new pool before deleting the old one (GKE drains it), which the pool's settings-derived name makes possible.
/// </summary>
public sealed class GkeNodePool : ComponentResource
{
    /// <summary>Creates the pool.</summary>
    public GkeNodePool(string name, GkeNodePoolArgs args, ComponentResourceOptions? options = null)
        : base("platform:gcp:GkeNodePool", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var nodePool = new NodePool($"{name}-pool", new NodePoolArgs
        {
            Name = args.Name,
            Project = args.Project,
            Location = args.Location,
            Cluster = args.ClusterId,
            NodeLocations = args.NodeLocations,
            InitialNodeCount = args.InitialNodeCount,
            MaxPodsPerNode = args.MaxPodsPerNode,
            Autoscaling = new NodePoolAutoscalingArgs
            {
                MinNodeCount = args.MinNodesPerZone,
                MaxNodeCount = args.MaxNodesPerZone,
                LocationPolicy = args.LocationPolicy,
            },
            Management = new NodePoolManagementArgs { AutoRepair = args.AutoRepair, AutoUpgrade = args.AutoUpgrade },
            UpgradeSettings = new NodePoolUpgradeSettingsArgs
            {
                Strategy = args.UpgradeStrategy,
                MaxSurge = args.MaxSurge,
                MaxUnavailable = args.MaxUnavailable,
            },
            NodeConfig = new NodePoolNodeConfigArgs
            {
                MachineType = args.MachineType,
                DiskSizeGb = args.DiskSizeGb,
                DiskType = args.DiskType,
                Spot = args.Spot,
                Labels = args.Labels,
                Taints = args.Taints,
                ServiceAccount = args.ServiceAccountEmail,
                OauthScopes = args.OauthScopes,
                WorkloadMetadataConfig = new NodePoolNodeConfigWorkloadMetadataConfigArgs { Mode = args.MetadataMode },
                ShieldedInstanceConfig = new NodePoolNodeConfigShieldedInstanceConfigArgs
                {
                    EnableSecureBoot = args.SecureBoot,
                    EnableIntegrityMonitoring = args.IntegrityMonitoring,
                },
            },
        }, new CustomResourceOptions
        {
            Parent = this,
            // Create the replacement first; its name differs, so the two pools coexist while GKE drains the old one.
            DeleteBeforeReplace = false,
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
