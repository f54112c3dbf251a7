using Platform.Stacks.Addons;
using Platform.Stacks.Binding;
using Platform.Stacks.Clusters;
using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
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
        var capacity = CapacityPlanner.Plan(spec, pools, diagnostics);
        var addons = AddonPlanner.Plan(spec, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new PlanResult(null, diagnostics.Items, diagnostics.Warnings);
        }

        var bundles = BundleBuilders
            .Select(build => build(spec))
            .OfType<ManifestBundle>()
            .OrderBy(b => b.Order)
            .ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var cluster = ClusterPlanner.Plan(spec, network);
        var plan = new PlatformPlan(spec, cluster, network, pools, capacity, addons, bundles, Outputs(spec.Cloud));
        return new PlanResult(plan, [], diagnostics.Warnings);
    }

    /// <summary>The stack outputs the program exports for a cloud, under stable names.</summary>
    public static IReadOnlyList<string> Outputs(CloudKind cloud)
    {
        string[] common = ["cloud", "clusterName", "environment", "helmReleases"];
        string[] specific = cloud switch
        {
            CloudKind.Gcp => ["clusterEndpoint", "clusterLocation", "kubeconfig", "networkId", "nodePoolNames", "subnetId", "workloadIdentityPool"],
            CloudKind.Aws => ["clusterEndpoint", "clusterLocation", "kubeconfig", "networkId", "nodePoolNames", "oidcProviderArn", "subnetIds"],
            _ => ["kubeContext"],
        };
        return [.. common.Concat(specific).Order(StringComparer.Ordinal)];
    }
}
