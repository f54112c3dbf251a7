using Platform.Stacks.Addons;
using Platform.Stacks.Clusters;
using Platform.Stacks.Cost;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;
using Platform.Stacks.Planning;

namespace Platform.Stacks;

/// <summary>
/// Everything decided for one stack. The Pulumi program and the offline render both read this and
/// nothing else, so a decision lives in exactly one place.
/// </summary>
/// <param name="Spec">The environment after defaults, with value sources.</param>
/// <param name="Cluster">The cluster to build or connect to.</param>
/// <param name="Network">Addressing; null for existing clusters.</param>
/// <param name="NodePools">Concrete node pools, in taxonomy order.</param>
/// <param name="Capacity">The capacity check's figures.</param>
/// <param name="Addons">Every catalog add-on and how it is delivered, in install order.</param>
/// <param name="Manifests">Objects the program applies itself, in apply order.</param>
/// <param name="Outputs">Names of the stack outputs the program exports.</param>
public sealed record PlatformPlan(
    PlatformSpec Spec,
    ClusterPlan Cluster,
    NetworkPlan? Network,
    IReadOnlyList<NodePoolPlan> NodePools,
    CapacityPlan Capacity,
    IReadOnlyList<AddonPlan> Addons,
    IReadOnlyList<ManifestBundle> Manifests,
    IReadOnlyList<string> Outputs)
{
    /// <summary>Version of the plan's JSON shape; bumped when a field changes meaning.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Labels (GCP) and tags (AWS) stamped on every cloud resource that takes them.</summary>
    public IReadOnlyDictionary<string, string> Labels => ResourceLabels.For(Spec);

    /// <summary>The hourly cost shape, an estimate at list prices; null for an existing cluster.</summary>
    public CostShape? Cost => CostPlanner.Plan(Spec.Cloud, NodePools, Network);

    /// <summary>
    /// What the stack alerts on and where alerts go, when the monitoring stack is installed; the render writes it for
    /// promtool and amtool. Null otherwise.
    /// </summary>
    public Alerting.AlertingPlan? Alerting { get; init; }

    /// <summary>The Helm add-ons' install order as dependency waves (see <see cref="AddonWaves"/>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Waves => AddonWaves.Compute(Addons);

    /// <summary>
    /// The Helm releases of the cluster layer, which the cluster components install with the cluster: today the
    /// Cluster Autoscaler on EKS.
    /// </summary>
    public IEnumerable<HelmReleasePlan> ClusterReleases =>
        Cluster.Eks is { } eks ? [eks.Autoscaler.Release] : [];

    /// <summary>The Helm releases the program installs: the cluster layer's, then the installed add-ons'.</summary>
    public IEnumerable<HelmReleasePlan> InstalledReleases =>
        ClusterReleases.Concat(Addons.Where(a => a.Installed).SelectMany(a => a.Releases));

    /// <summary>Every planned Helm release: the cluster layer's first, then the add-ons' in install order.</summary>
    public IEnumerable<HelmReleasePlan> Releases =>
        ClusterReleases.Concat(Addons.SelectMany(a => a.Releases));
}
