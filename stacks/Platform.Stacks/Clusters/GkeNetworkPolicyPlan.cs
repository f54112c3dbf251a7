namespace Platform.Stacks.Clusters;

/// <summary>How a GKE cluster enforces network policy. GKE fixes it when the cluster is created.</summary>
/// <param name="Mode">The config value: calico or dataplaneV2.</param>
/// <param name="DatapathProvider">LEGACY_DATAPATH for Calico (Dataplane V1), ADVANCED_DATAPATH for Dataplane V2.</param>
/// <param name="CalicoEnabled">Whether the cluster's Calico network policy and its add-on are on (Dataplane V2 enforces policy itself).</param>
/// <param name="Provider">The cluster's network policy provider: CALICO, or PROVIDER_UNSPECIFIED when Calico is off.</param>
public sealed record GkeNetworkPolicyPlan(string Mode, string DatapathProvider, bool CalicoEnabled, string Provider);
