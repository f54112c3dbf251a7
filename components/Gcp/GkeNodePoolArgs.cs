using Platform.Stacks.Planning;
using Pulumi;
using Pulumi.Gcp.Container.Inputs;

namespace Platform.Components.Gcp;

/// <summary>
/// Arguments of <see cref="GkeNodePool"/>. Nothing has a default: every value is given, usually by
/// <see cref="FromPlan"/>. A pool is never protected: it is replaceable by design, and a change GKE can only make
/// on a new pool must come with a new <see cref="Name"/>, so the new pool is created before the old one is removed.
/// </summary>
public sealed class GkeNodePoolArgs
{
    /// <summary>The pool's name in GKE, at most 40 characters.</summary>
    public required Input<string> Name { get; init; }

    /// <summary>Project of the cluster.</summary>
    public required Input<string> Project { get; init; }

    /// <summary>Region of the cluster.</summary>
    public required Input<string> Location { get; init; }

    /// <summary>The cluster's full id, e.g. <see cref="GkeCluster.ClusterId"/>.</summary>
    public required Input<string> ClusterId { get; init; }

    /// <summary>The nodes' service account, e.g. <see cref="GkeCluster.NodeServiceAccountEmail"/>.</summary>
    public required Input<string> ServiceAccountEmail { get; init; }

    /// <summary>Zones of the pool.</summary>
    public required InputList<string> NodeLocations { get; init; }

    /// <summary>Nodes per zone at creation; ignored afterwards, when the autoscaler owns the count.</summary>
    public required Input<int> InitialNodeCount { get; init; }

    /// <summary>Autoscaling lower bound per zone.</summary>
    public required Input<int> MinNodesPerZone { get; init; }

    /// <summary>Autoscaling upper bound per zone.</summary>
    public required Input<int> MaxNodesPerZone { get; init; }

    /// <summary>BALANCED or ANY.</summary>
    public required Input<string> LocationPolicy { get; init; }

    /// <summary>Pods per node.</summary>
    public required Input<int> MaxPodsPerNode { get; init; }

    /// <summary>GKE recreates unhealthy nodes.</summary>
    public required Input<bool> AutoRepair { get; init; }

    /// <summary>GKE upgrades nodes with the release channel.</summary>
    public required Input<bool> AutoUpgrade { get; init; }

    /// <summary>SURGE or BLUE_GREEN.</summary>
    public required Input<string> UpgradeStrategy { get; init; }

    /// <summary>Extra nodes a surge upgrade may add at a time.</summary>
    public required Input<int> MaxSurge { get; init; }

    /// <summary>Nodes a surge upgrade may take down at a time.</summary>
    public required Input<int> MaxUnavailable { get; init; }

    /// <summary>Machine type.</summary>
    public required Input<string> MachineType { get; init; }

    /// <summary>Boot disk size in GB.</summary>
    public required Input<int> DiskSizeGb { get; init; }

    /// <summary>Boot disk type.</summary>
    public required Input<string> DiskType { get; init; }

    /// <summary>Spot capacity.</summary>
    public required Input<bool> Spot { get; init; }

    /// <summary>Node labels.</summary>
    public required InputMap<string> Labels { get; init; }

    /// <summary>Node taints, with GKE's effect names (NO_SCHEDULE, PREFER_NO_SCHEDULE, NO_EXECUTE).</summary>
    public required InputList<NodePoolNodeConfigTaintArgs> Taints { get; init; }

    /// <summary>Node OAuth scopes.</summary>
    public required InputList<string> OauthScopes { get; init; }

    /// <summary>Workload metadata mode: GKE_METADATA hides the node's credentials from pods.</summary>
    public required Input<string> MetadataMode { get; init; }

    /// <summary>Shielded nodes boot only signed components.</summary>
    public required Input<bool> SecureBoot { get; init; }

    /// <summary>Shielded nodes' boot integrity is monitored.</summary>
    public required Input<bool> IntegrityMonitoring { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static GkeNodePoolArgs FromPlan(NodePoolPlan pool, string project, string location, Input<string> clusterId, Input<string> serviceAccountEmail)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var gke = pool.Gke ?? throw new ArgumentException("the pool is not planned for GKE", nameof(pool));
        return new GkeNodePoolArgs
        {
            Name = pool.Name,
            Project = project,
            Location = location,
            ClusterId = clusterId,
            ServiceAccountEmail = serviceAccountEmail,
            NodeLocations = pool.Zones.ToList(),
            InitialNodeCount = gke.InitialNodeCount,
            MinNodesPerZone = pool.MinPerZone,
            MaxNodesPerZone = pool.MaxPerZone,
            LocationPolicy = gke.LocationPolicy,
            MaxPodsPerNode = pool.MaxPodsPerNode,
            AutoRepair = gke.AutoRepair,
            AutoUpgrade = gke.AutoUpgrade,
            UpgradeStrategy = gke.UpgradeStrategy,
            MaxSurge = pool.MaxSurge,
            MaxUnavailable = pool.MaxUnavailable,
            MachineType = pool.MachineType,
            DiskSizeGb = pool.DiskSizeGb,
            DiskType = pool.DiskType,
            Spot = pool.Spot,
            Labels = pool.Labels.ToDictionary(l => l.Key, l => l.Value),
            Taints = pool.Taints.Select(t => new NodePoolNodeConfigTaintArgs { Key = t.Key, Value = t.Value, Effect = t.ApiEffect }).ToList(),
            OauthScopes = gke.OauthScopes.ToList(),
            MetadataMode = gke.MetadataMode,
            SecureBoot = gke.SecureBoot,
            IntegrityMonitoring = gke.IntegrityMonitoring,
        };
    }
}
