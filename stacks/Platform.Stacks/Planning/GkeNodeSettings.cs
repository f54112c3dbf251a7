namespace Platform.Stacks.Planning;

/// <summary>How a GKE node pool is run, decided once for every pool.</summary>
/// <param name="InitialNodeCount">Nodes per zone at creation; the autoscaler owns the count afterwards.</param>
/// <param name="LocationPolicy">BALANCED: the autoscaler keeps the zones even.</param>
/// <param name="AutoRepair">GKE recreates unhealthy nodes.</param>
/// <param name="AutoUpgrade">GKE upgrades nodes with the release channel.</param>
/// <param name="UpgradeStrategy">SURGE upgrades, bounded by the pool's max surge and max unavailable.</param>
/// <param name="MetadataMode">GKE_METADATA: pods see the Workload Identity metadata server, never the node's credentials.</param>
/// <param name="SecureBoot">Shielded nodes boot only signed components.</param>
/// <param name="IntegrityMonitoring">Shielded nodes' boot integrity is monitored.</param>
/// <param name="OauthScopes">Node OAuth scopes; IAM roles of the node service account govern access.</param>
public sealed record GkeNodeSettings(
    int InitialNodeCount,
    string LocationPolicy,
    bool AutoRepair,
    bool AutoUpgrade,
    string UpgradeStrategy,
    string MetadataMode,
    bool SecureBoot,
    bool IntegrityMonitoring,
    IReadOnlyList<string> OauthScopes);
