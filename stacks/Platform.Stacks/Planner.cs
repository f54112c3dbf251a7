using Platform.Stacks.Addons;
using Platform.Stacks.Alerting;
using Platform.Stacks.Binding;
using Platform.Stacks.Clusters;
using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Guardrails;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;
using Platform.Stacks.Planning;

namespace Platform.Stacks;

/// <summary>
/// The one entry point from configuration to plan: bind, validate, plan. Both the Pulumi program and the
/// offline render call it, so they cannot disagree.
/// </summary>
public static class Planner
{
    /// <summary>
    /// Builders of the manifest bundles the program applies itself. A later area adds its bundle here and a
    /// thin component that applies it; nothing else changes.
    /// </summary>
    private static readonly Func<PlatformSpec, ManifestBundle?>[] BundleBuilders =
    [
        PriorityClasses.Build,
        TenancyManifests.Build,
    ];

    /// <summary>
    /// Plans a stack from its <c>Pulumi.&lt;stack&gt;.yaml</c> file in <paramref name="directory"/>.
    /// <paramref name="clock"/> (default: the system clock) judges a dev stack's expiry.
    /// </summary>
    public static PlanResult PlanStackFile(string directory, string stack, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(stack);
        var diagnostics = new DiagnosticBag();
        var raw = StackFileReader.ReadFile(StackFileReader.PathFor(directory, stack), stack, diagnostics);
        return diagnostics.HasErrors ? new PlanResult(null, diagnostics.Items, diagnostics.Warnings) : Plan(raw, diagnostics, clock);
    }

    /// <summary>Plans from raw configuration (a stack file or the engine's config).</summary>
    public static PlanResult Plan(RawConfig raw, DiagnosticBag? diagnostics = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        diagnostics ??= new DiagnosticBag();
        var spec = SpecBinder.Bind(raw, diagnostics, clock);
        var network = NetworkPlanner.Plan(spec, diagnostics);
        var pools = NodePoolPlanner.Plan(spec);
        var addons = AddonPlanner.Plan(spec, diagnostics);
        var capacity = CapacityPlanner.Plan(spec, pools, addons, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new PlanResult(null, diagnostics.Items, diagnostics.Warnings);
        }

        var bundles = BundleBuilders
            .Select(build => build(spec))
            .Append(AddonNamespaces.Build(addons))
            .OfType<ManifestBundle>()
            .Concat(AddonBundles(addons))
            .OrderBy(b => b.Order)
            .ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var cluster = ClusterPlanner.Plan(spec, network);
        PlanGuardrails.Check(addons, cluster.Eks is { } eks ? [eks.Autoscaler.Release] : [], bundles, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new PlanResult(null, diagnostics.Items, diagnostics.Warnings);
        }

        var plan = new PlatformPlan(spec, cluster, network, pools, capacity, addons, bundles, Outputs(spec.Cloud))
        {
            Alerting = addons.Any(a => a.Name == "prometheus" && a.Installed) ? AlertingPlan.For(spec) : null,
        };
        return new PlanResult(plan, [], diagnostics.Warnings);
    }

    /// <summary>The objects each installed add-on owns, one bundle per add-on, applied after its releases.</summary>
    private static IEnumerable<ManifestBundle> AddonBundles(IReadOnlyList<AddonPlan> addons) => addons
        .Select((addon, index) => (Addon: addon, Order: AddonBundleOrder + index))
        .Where(a => a.Addon.Installed && a.Addon.Objects.Count > 0)
        .Select(a => new ManifestBundle(a.Order, a.Addon.Release!.Name, [a.Addon.Name], a.Addon.Objects));

    /// <summary>Order of the first add-on bundle: after the program's own objects, which need no add-on.</summary>
    public const int AddonBundleOrder = 20;

    /// <summary>The stack outputs the program exports for a cloud, under stable names.</summary>
    public static IReadOnlyList<string> Outputs(CloudKind cloud)
    {
        string[] common = ["cloud", "clusterName", "environment", "expiresAt", "helmReleases", "owner"];
        string[] specific = cloud switch
        {
            CloudKind.Gcp => ["clusterEndpoint", "clusterLocation", "kubeconfig", "networkId", "nodePoolNames", "subnetId", "workloadIdentityPool"],
            CloudKind.Aws => ["clusterEndpoint", "clusterLocation", "kubeconfig", "networkId", "nodePoolNames", "oidcProviderArn", "subnetIds"],
            _ => ["kubeContext"],
        };
        return [.. common.Concat(specific).Order(StringComparer.Ordinal)];
    }
}
