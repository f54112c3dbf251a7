using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>How one catalog add-on is delivered in this stack.</summary>
/// <param name="Name">Catalog name.</param>
/// <param name="Mode">
/// helm (installed by the program), managed (the cloud provides it) or disabled.
/// </param>
/// <param name="HighAvailability">Whether it runs replicated.</param>
/// <param name="Releases">Its Helm releases in install order, the main chart last; empty unless helm.</param>
/// <param name="Workloads">The pods it runs, with the requests its values set.</param>
/// <param name="Objects">Kubernetes objects it owns, applied after its releases.</param>
/// <param name="Identity">Its cloud identity, created before its releases; null when it needs none.</param>
/// <param name="Secrets">Secrets the program fills from secret config before its releases; null for none.</param>
/// <param name="Bucket">The bucket it keeps its data in, made before its identity; null for none.</param>
public sealed record AddonPlan(
    string Name,
    string Mode,
    bool HighAvailability,
    IReadOnlyList<HelmReleasePlan> Releases,
    IReadOnlyList<Workload> Workloads,
    IReadOnlyList<JsonObject> Objects,
    Clusters.AddonIdentityPlan? Identity = null,
    IReadOnlyList<ConfigSecretPlan>? Secrets = null,
    Storage.BucketPlan? Bucket = null)
{
    /// <summary>The Secrets filled from secret config, none when it has none.</summary>
    public IReadOnlyList<ConfigSecretPlan> ConfigSecrets => Secrets ?? [];

    /// <summary>The main release, or null.</summary>
    public HelmReleasePlan? Release => Releases.Count == 0 ? null : Releases[^1];

    /// <summary>Whether the program installs it.</summary>
    public bool Installed => Mode == "helm";

    /// <summary>Requests of its Deployments and StatefulSets, all replicas.</summary>
    public Resources Requests => Workloads.Where(w => !w.OnEveryNode).Aggregate(Resources.Zero, (sum, w) => sum + (w.PerPod * w.Replicas));

    /// <summary>Requests of its DaemonSet pods on one node.</summary>
    public Resources PerNode => Workloads.Where(w => w.OnEveryNode).Aggregate(Resources.Zero, (sum, w) => sum + w.PerPod);
}
