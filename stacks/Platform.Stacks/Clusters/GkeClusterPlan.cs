namespace Platform.Stacks.Clusters;

/// <summary>Everything the GKE components need, decided: the regional cluster, its network and its node identity.</summary>
/// <param name="Project">GCP project.</param>
/// <param name="Location">Region: the cluster is regional.</param>
/// <param name="NodeLocations">Zones nodes run in.</param>
/// <param name="ReleaseChannel">RAPID, REGULAR, STABLE or EXTENDED.</param>
/// <param name="MinMasterVersion">Optional minimum control-plane version.</param>
/// <param name="NetworkName">VPC name.</param>
/// <param name="SubnetName">Subnet name; its primary range holds nodes.</param>
/// <param name="NodesCidr">Primary range of the subnet.</param>
/// <param name="PodsRangeName">Secondary range name for pods.</param>
/// <param name="PodsCidr">Pod range.</param>
/// <param name="ServicesRangeName">Secondary range name for services.</param>
/// <param name="ServicesCidr">Service range.</param>
/// <param name="RouterName">Cloud Router that carries the NAT.</param>
/// <param name="Nat">Cloud NAT giving private nodes egress.</param>
/// <param name="PrivateEndpoint">True: the API server has no public endpoint.</param>
/// <param name="AuthorizedNetworks">CIDRs allowed to reach the endpoint; never empty (validation requires them).</param>
/// <param name="GcpPublicCidrsAccess">Whether Google Cloud's own public IP ranges may reach the endpoint; always false.</param>
/// <param name="WorkloadPool">Workload Identity pool, <c>&lt;project&gt;.svc.id.goog</c>.</param>
/// <param name="NetworkPolicy">How network policy is enforced; fixed at creation.</param>
/// <param name="DatabaseEncryptionKey">Cloud KMS key for application-layer secrets encryption, or null.</param>
/// <param name="MaintenanceStartTime">Daily maintenance window start, HH:MM UTC.</param>
/// <param name="DeletionProtection">Whether GKE refuses to delete the cluster.</param>
/// <param name="BinaryAuthorization">Binary Authorization evaluation mode: PROJECT_SINGLETON_POLICY_ENFORCE in prod, DISABLED elsewhere.</param>
/// <param name="ShieldedNodes">Shielded GKE nodes; always true.</param>
/// <param name="DefaultPool">The default node pool GKE creates with the cluster, and removes.</param>
/// <param name="NodeServiceAccount">The node pools' own least-privilege service account.</param>
public sealed record GkeClusterPlan(
    string Project,
    string Location,
    IReadOnlyList<string> NodeLocations,
    string ReleaseChannel,
    string? MinMasterVersion,
    string NetworkName,
    string SubnetName,
    string NodesCidr,
    string PodsRangeName,
    string PodsCidr,
    string ServicesRangeName,
    string ServicesCidr,
    string RouterName,
    CloudNatPlan Nat,
    bool PrivateEndpoint,
    IReadOnlyList<string> AuthorizedNetworks,
    bool GcpPublicCidrsAccess,
    string WorkloadPool,
    GkeNetworkPolicyPlan NetworkPolicy,
    string? DatabaseEncryptionKey,
    string MaintenanceStartTime,
    bool DeletionProtection,
    string BinaryAuthorization,
    bool ShieldedNodes,
    GkeDefaultPoolPlan DefaultPool,
    GcpServiceAccountPlan NodeServiceAccount);
