using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>What an add-on's decisions depend on: the environment and the add-on's own switches.</summary>
/// <param name="Spec">The environment after defaults.</param>
/// <param name="Settings">The add-on's switches (enabled, ha).</param>
public sealed record AddonContext(PlatformSpec Spec, AddonSpec Settings)
{
    /// <summary>Whether the add-on runs replicated, spread and guarded by disruption budgets.</summary>
    public bool HighAvailability => Settings.HighAvailability;

    /// <summary>Where the cluster runs.</summary>
    public CloudKind Cloud => Spec.Cloud;

    /// <summary>Replicas of a workload that is replicated in HA mode.</summary>
    public int Replicas(int highlyAvailable = 2) => HighAvailability ? highlyAvailable : 1;
}
