using System.Text.Json.Nodes;
using Platform.Stacks.Addons;
using Platform.Stacks.Manifests;
using Platform.Stacks.Rendering;

namespace Platform.Stacks.Tests;

/// <summary>The objects the program applies itself: tenancy and priority classes.</summary>
public class TenancyPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static IReadOnlyList<JsonObject> Objects(PlatformPlan plan, string bundle) => plan.Manifests.Single(m => m.Name == bundle).Objects;

    private static JsonObject Find(PlatformPlan plan, string kind, string ns, string name) =>
        Objects(plan, "tenants").Single(o => PlanJson.Describe(o) == $"{kind} {ns}/{name}");

    [Fact]
    public void EachTenantGetsItsNamespaceQuotaLimitsPoliciesAndRole()
    {
        var described = Objects(Prod(), "tenants").Select(PlanJson.Describe).Where(d => d.Contains("payments", StringComparison.Ordinal));

        Assert.Equal(
        [
            "Namespace payments", "ResourceQuota payments/tenant-quota", "LimitRange payments/tenant-defaults",
            "NetworkPolicy payments/default-deny", "NetworkPolicy payments/allow-dns", "NetworkPolicy payments/allow-same-namespace",
            "NetworkPolicy payments/allow-from-gateway", "NetworkPolicy payments/allow-from-monitoring", "NetworkPolicy payments/allow-otlp-to-collector",
            "Role payments/tenant", "RoleBinding payments/tenant",
        ], described);
    }

    [Fact]
    public void TheTenantRoleCannotWeakenThePlatformsOwnObjects()
    {
        var rules = Find(Prod(), "Role", "payments", "tenant")["rules"]!.AsArray();
        var writable = rules
            .Where(r => r!["verbs"]!.AsArray().Any(v => v!.GetValue<string>() is "create" or "update" or "patch" or "delete"))
            .SelectMany(r => r!["resources"]!.AsArray().Select(x => x!.GetValue<string>()))
            .ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain("networkpolicies", writable);
        Assert.DoesNotContain("resourcequotas", writable);
        Assert.DoesNotContain("limitranges", writable);
        Assert.DoesNotContain(rules, r => r!["apiGroups"]!.AsArray().Any(g => g!.GetValue<string>() == "rbac.authorization.k8s.io"));
        Assert.Contains("deployments", writable);
        Assert.Contains("httproutes", writable);
        Assert.Equal("Role", Find(Prod(), "RoleBinding", "payments", "tenant")["roleRef"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void GatewayTrafficIsAllowedInFromTheGatewaysNamespaceOnly()
    {
        var policy = Find(Prod(), "NetworkPolicy", "payments", "allow-from-gateway");
        var from = policy["spec"]!["ingress"]![0]!["from"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.GetValue<string>();

        Assert.Equal(AddonCatalog.Get("envoyGateway").Namespace, from);
        Assert.Equal(["Ingress"], policy["spec"]!["policyTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public void WithoutTheGatewayOrPrometheusTheirPoliciesAreLeftOut()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging(
            "platform:addons: { envoyGateway: false, prometheus: false, loki: false, tempo: false, mimir: false, alloy: false, grafana: false }",
            "platform:tenants: { payments: {} }"));

        var names = Objects(plan, "tenants").Select(PlanJson.Describe).ToList();
        Assert.DoesNotContain("NetworkPolicy payments/allow-from-gateway", names);
        Assert.DoesNotContain("NetworkPolicy payments/allow-from-monitoring", names);
        Assert.Contains("NetworkPolicy payments/default-deny", names);
    }

    [Fact]
    public void PriorityClassesRankThePlatformAboveTenantsAndBatchNeverPreempts()
    {
        var classes = Objects(Prod(), "priority-classes").ToDictionary(o => o["metadata"]!["name"]!.GetValue<string>());

        Assert.Equal(["platform-critical", "platform", "business-critical", "default", "batch"], classes.Keys);
        var values = classes.Values.Select(c => c["value"]!.GetValue<int>()).ToList();
        Assert.Equal(values.OrderDescending(), values);
        Assert.Single(classes.Values, c => c["globalDefault"]!.GetValue<bool>());
        Assert.True(classes["default"]["globalDefault"]!.GetValue<bool>());
        Assert.Equal("Never", classes["batch"]["preemptionPolicy"]!.GetValue<string>());
        Assert.All(values, v => Assert.InRange(v, 0, 1_000_000_000));
    }

    [Fact]
    public void AddonNamespacesAndPriorityClassesApplyBeforeTenantsAndAddonObjectsAfterThem() =>
        Assert.Equal(["manifests/02-addon-namespaces.yaml", "manifests/05-priority-classes.yaml", "manifests/10-tenants.yaml", "manifests/21-kube-prometheus-stack.yaml", "manifests/22-kyverno.yaml", "manifests/23-cert-manager.yaml", "manifests/25-envoy-gateway.yaml", "manifests/27-argo-cd.yaml", "manifests/29-strimzi.yaml", "manifests/33-grafana.yaml"], Prod().Manifests.Select(m => m.File));

    [Fact]
    public void AddonWavesPutCrdProducersBeforeTheirConsumers()
    {
        var waves = Prod().Waves;

        Assert.Equal(3, waves.Count);
        Assert.Contains("certManager", waves[0]);
        Assert.Contains("prometheus", waves[0]);
        Assert.Contains("envoyGateway", waves[1]);
        Assert.Contains("loki", waves[1]);
        Assert.Equal(["alloy", "argocd", "externalDns", "grafana"], waves[2]);
    }
}
