using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Gcp;

/// <summary>
/// Arguments of <see cref="GkeCluster"/>. Nothing has a default: every value is given, usually by
/// <see cref="FromPlan"/>. Protection comes from the component's options and is inherited by the cluster and its
/// node identity.
/// </summary>
public sealed class GkeClusterArgs
{
    /// <summary>Cluster name in GKE.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>GCP project.</summary>
    public required Input<string> Project { get; init; }

    /// <summary>Region: the cluster is regional.</summary>
    public required Input<string> Location { get; init; }

    /// <summary>Zones nodes run in.</summary>
    public required InputList<string> NodeLocations { get; init; }

    /// <summary>Release channel: RAPID, REGULAR, STABLE or EXTENDED.</summary>
    public required Input<string> ReleaseChannel { get; init; }

    /// <summary>Minimum control-plane version, or null to follow the channel.</summary>
    public Input<string>? MinMasterVersion { get; init; }

    /// <summary>VPC id, e.g. <see cref="GkeNetwork.NetworkId"/>.</summary>
    public required Input<string> NetworkId { get; init; }

    /// <summary>Subnet id, e.g. <see cref="GkeNetwork.SubnetId"/>.</summary>
    public required Input<string> SubnetId { get; init; }

    /// <summary>The subnet's secondary range for pods.</summary>
    public required Input<string> PodsRangeName { get; init; }

    /// <summary>The subnet's secondary range for services.</summary>
    public required Input<string> ServicesRangeName { get; init; }

    /// <summary>True: the API server has only a private endpoint. Requires private <see cref="AuthorizedNetworks"/>.</summary>
    public required Input<bool> PrivateEndpoint { get; init; }

    /// <summary>CIDRs allowed to reach the API server. Must not be empty: GKE leaves an endpoint without them open.</summary>
    public required InputList<string> AuthorizedNetworks { get; init; }

    /// <summary>Whether Google Cloud's public IP ranges may reach the endpoint.</summary>
    public required Input<bool> GcpPublicCidrsAccess { get; init; }

    /// <summary>Workload Identity pool, <c>&lt;project&gt;.svc.id.goog</c>.</summary>
    public required Input<string> WorkloadPool { get; init; }

    /// <summary>LEGACY_DATAPATH (Dataplane V1) or ADVANCED_DATAPATH (Dataplane V2). Fixed at creation.</summary>
    public required Input<string> DatapathProvider { get; init; }

    /// <summary>Whether Calico network policy and its add-on are on. Must be false with ADVANCED_DATAPATH.</summary>
    public required Input<bool> CalicoNetworkPolicy { get; init; }

    /// <summary>Network policy provider: CALICO with <see cref="CalicoNetworkPolicy"/>, else PROVIDER_UNSPECIFIED.</summary>
    public required Input<string> NetworkPolicyProvider { get; init; }

    /// <summary>Cloud KMS key for application-layer secrets encryption, or null for Google-managed encryption.</summary>
    public Input<string>? DatabaseEncryptionKey { get; init; }

    /// <summary>Daily maintenance window start, HH:MM UTC.</summary>
    public required Input<string> MaintenanceStartTime { get; init; }

    /// <summary>Whether GKE refuses to delete the cluster.</summary>
    public required Input<bool> DeletionProtection { get; init; }

    /// <summary>Binary Authorization evaluation mode: DISABLED or PROJECT_SINGLETON_POLICY_ENFORCE.</summary>
    public required Input<string> BinaryAuthorization { get; init; }

    /// <summary>Shielded GKE nodes: nodes prove their identity to the control plane.</summary>
    public required Input<bool> ShieldedNodes { get; init; }

    /// <summary>Nodes per zone of the default pool while it lives; it is removed once the cluster exists.</summary>
    public required Input<int> DefaultPoolNodeCount { get; init; }

    /// <summary>OAuth scopes of the default pool's nodes.</summary>
    public required InputList<string> DefaultPoolOauthScopes { get; init; }

    /// <summary>Account id of the nodes' service account, 6-30 characters.</summary>
    public required Input<string> NodeServiceAccountId { get; init; }

    /// <summary>Display name of that service account.</summary>
    public required Input<string> NodeServiceAccountName { get; init; }

    /// <summary>Project roles granted to that service account; each becomes a child named after the role.</summary>
    public required IReadOnlyList<string> NodeServiceAccountRoles { get; init; }

    /// <summary>Whether the Kubernetes provider treats objects of an unreachable cluster as deleted (dev stacks).</summary>
    public required Input<bool> DeleteUnreachable { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static GkeClusterArgs FromPlan(ClusterPlan cluster, Input<string> networkId, Input<string> subnetId)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var plan = cluster.Gke ?? throw new ArgumentException("the plan is not for gcp", nameof(cluster));
        return new GkeClusterArgs
        {
            ClusterName = cluster.Name,
            Project = plan.Project,
            Location = plan.Location,
            NodeLocations = plan.NodeLocations.ToList(),
            ReleaseChannel = plan.ReleaseChannel,
            MinMasterVersion = plan.MinMasterVersion is { } version ? (Input<string>)version : null,
            NetworkId = networkId,
            SubnetId = subnetId,
            PodsRangeName = plan.PodsRangeName,
            ServicesRangeName = plan.ServicesRangeName,
            PrivateEndpoint = plan.PrivateEndpoint,
            AuthorizedNetworks = plan.AuthorizedNetworks.ToList(),
            GcpPublicCidrsAccess = plan.GcpPublicCidrsAccess,
            WorkloadPool = plan.WorkloadPool,
            DatapathProvider = plan.NetworkPolicy.DatapathProvider,
            CalicoNetworkPolicy = plan.NetworkPolicy.CalicoEnabled,
            NetworkPolicyProvider = plan.NetworkPolicy.Provider,
            DatabaseEncryptionKey = plan.DatabaseEncryptionKey is { } key ? (Input<string>)key : null,
            MaintenanceStartTime = plan.MaintenanceStartTime,
            DeletionProtection = plan.DeletionProtection,
            BinaryAuthorization = plan.BinaryAuthorization,
            ShieldedNodes = plan.ShieldedNodes,
            DefaultPoolNodeCount = plan.DefaultPool.InitialNodeCount,
            DefaultPoolOauthScopes = plan.DefaultPool.OauthScopes.ToList(),
            NodeServiceAccountId = plan.NodeServiceAccount.AccountId,
            NodeServiceAccountName = plan.NodeServiceAccount.DisplayName,
            NodeServiceAccountRoles = plan.NodeServiceAccount.Roles,
            DeleteUnreachable = cluster.DeleteUnreachable,
        };
    }
}
