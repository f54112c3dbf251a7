using System.Text.Json.Nodes;
using Platform.Stacks.Addons;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Guardrails;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Tests;

/// <summary>One test per plan-time guardrail: each starts from the real prod plan and breaks one thing.</summary>
public class PlanGuardrailTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static IReadOnlyList<string> Check(IReadOnlyList<AddonPlan> addons, IReadOnlyList<ManifestBundle>? bundles = null, IReadOnlyList<HelmReleasePlan>? cluster = null)
    {
        var diagnostics = new DiagnosticBag();
        PlanGuardrails.Check(addons, cluster ?? [], bundles ?? Prod().Manifests, diagnostics);
        return diagnostics.Items.Select(d => d.ToString()).ToList();
    }

    /// <summary>The prod plan's add-ons with cert-manager changed by <paramref name="change"/>.</summary>
    private static IReadOnlyList<AddonPlan> WithCertManager(Func<AddonPlan, AddonPlan> change) =>
        Prod().Addons.Select(a => a.Name == "certManager" ? change(a) : a).ToList();

    private static AddonPlan WithValues(AddonPlan addon, Action<JsonObject> edit)
    {
        var release = addon.Release!;
        var values = release.Values.DeepClone().AsObject();
        edit(values);
        return addon with { Releases = [release with { Values = values }] };
    }

    [Fact]
    public void ThePlansOwnAddonsPassEveryRule() => Assert.Empty(Check(Prod().Addons));

    [Fact]
    public void AnUnpinnedChartIsRefused()
    {
        var errors = Check(WithCertManager(a => a with { Releases = [a.Release! with { Chart = a.Release.Chart with { Version = "^1.21" } }] }));

        Assert.Equal(["platform:addons.certManager: chart cert-manager is not pinned to an exact version ('^1.21'); pin it where the add-on is defined"], errors);
    }

    [Fact]
    public void AnImageOnLatestIsRefused()
    {
        var errors = Check(WithCertManager(a => WithValues(a, v => v["image"] = new JsonObject { ["tag"] = "latest" })));

        Assert.Equal(["platform:addons.certManager: values.image.tag of release cert-manager is 'latest'; pin the image to an exact tag"], errors);
    }

    [Fact]
    public void AWorkloadWithoutRequestsIsRefused()
    {
        var errors = Check(WithCertManager(a => a with { Workloads = [new Workload("controller", 2, Resources.Zero)] }));

        Assert.Equal(["platform:addons.certManager: workload controller requests no CPU or no memory; give its pods requests so the scheduler and the capacity check can place them"], errors);
    }

    [Fact]
    public void ResourcesWithoutAMemoryLimitAreRefused()
    {
        var errors = Check(WithCertManager(a => WithValues(a, v => v["webhook"]!["resources"]!.AsObject().Remove("limits"))));

        Assert.Equal(["platform:addons.certManager: values.webhook.resources of release cert-manager sets no limits.memory; every pod of the platform has requests and a memory limit"], errors);
    }

    [Fact]
    public void ANullValueIsRefusedBecauseItNeverReachesHelm()
    {
        var errors = Check(WithCertManager(a => WithValues(a, v => v["webhook"]!["extraArgs"] = null)));

        Assert.Equal(["platform:addons.certManager: values.webhook.extraArgs of release cert-manager is null; Pulumi drops nulls on the way to Helm, so what is installed would not be what the render shows"], errors);
    }

    [Fact]
    public void AVolumeClaimsStorageRequestIsNotMistakenForAPodsResources()
    {
        var volume = JsonNode.Parse("""{"volumeClaimTemplate":{"spec":{"resources":{"requests":{"storage":"10Gi"}}}}}""")!;

        Assert.Empty(Check(WithCertManager(a => WithValues(a, v => v["storage"] = volume.DeepClone()))));
        Assert.Single(Check(WithCertManager(a => WithValues(a, v => v["storage"] = JsonNode.Parse("""{"resources":{"requests":{"storage":"10Gi"}}}""")))));
    }

    [Fact]
    public void APodRunningAddonWhoseValuesSetNoResourcesIsRefused()
    {
        var errors = Check(WithCertManager(a => a with { Releases = [a.Release! with { Values = new JsonObject { ["crds"] = new JsonObject { ["enabled"] = true } } }] }));

        Assert.Equal(["platform:addons.certManager: runs pods but its values set no resources; set requests and a memory limit for each of its workloads"], errors);
    }

    [Fact]
    public void HostLevelPodsOutsideTheCniAndNodeAgentsAreRefused()
    {
        var errors = Check(WithCertManager(a => a with { Workloads = [.. a.Workloads, Workload.DaemonSet("agent", 0.1m, 64, hostLevel: true)] }));

        Assert.Equal(["platform:addons.certManager: workload agent runs host-level pods; only the CNI and node agents may"], errors);
    }

    [Fact]
    public void HostNetworkAskedForInValuesIsRefused()
    {
        var errors = Check(WithCertManager(a => WithValues(a, v => v["webhook"]!["hostNetwork"] = true)));

        Assert.Equal(["platform:addons.certManager: values.webhook.hostNetwork of release cert-manager asks for a host-level pod; only the CNI and node agents may run one"], errors);
    }

    [Fact]
    public void TheCniMayRunHostLevelPods()
    {
        var calico = Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!.Addons.Single(a => a.Name == "calico");

        Assert.Contains(calico.Workloads, w => w.HostLevel);
        Assert.Empty(Check([calico]));
    }

    [Fact]
    public void ATenantNamespaceWithoutDefaultDenyIsRefused()
    {
        var bundles = Prod().Manifests
            .Select(b => b with { Objects = b.Objects.Where(o => PlanJson(o) != "NetworkPolicy payments/default-deny").ToList() })
            .ToList();

        Assert.Equal(
            ["platform:tenants.payments: its namespace has no default-deny NetworkPolicy (all pods, ingress and egress, no rules); every tenant namespace needs one"],
            Check(Prod().Addons, bundles));
    }

    [Fact]
    public void TheClusterLayersReleasesAreCheckedToo()
    {
        var autoscaler = Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!.Cluster.Eks!.Autoscaler.Release;
        var unpinned = autoscaler with { Values = autoscaler.Values.DeepClone().AsObject() };
        unpinned.Values["image"]!["tag"] = "latest";

        Assert.Equal(
            ["platform:cluster (cluster-autoscaler): values.image.tag of release cluster-autoscaler is 'latest'; pin the image to an exact tag"],
            Check(Prod().Addons, cluster: [unpinned]));
    }

    private static string PlanJson(JsonObject manifest) => Rendering.PlanJson.Describe(manifest);
}
