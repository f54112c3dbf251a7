using System.Text.Json.Nodes;
using Platform.Stacks.Addons;

namespace Platform.Stacks.Tests;

/// <summary>Grafana: its values, datasources, admin Secret, route and the tenants' dashboards.</summary>
public class GrafanaPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan Local() => Planner.PlanStackFile(Repo.Examples, "local").Plan!;

    private static AddonPlan Grafana(PlatformPlan plan) => plan.Addons.Single(a => a.Name == "grafana");

    private static JsonObject Values(PlatformPlan plan) => Grafana(plan).Release!.Values;

    [Fact]
    public void ValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        // Checked against grafana 12.11.1's values.yaml; grafana.ini takes any Grafana setting by section, and the
        // datasources file is Grafana's provisioning format.
        "admin.existingSecret, admin.passwordKey, admin.userKey, datasources.datasources.yaml, deploymentStrategy.type, envValueFrom.GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET.secretKeyRef.key, envValueFrom.GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET.secretKeyRef.name, grafana.ini.analytics.check_for_updates, grafana.ini.analytics.reporting_enabled, grafana.ini.auth.anonymous.enabled, grafana.ini.auth.generic_oauth.allow_sign_up, grafana.ini.auth.generic_oauth.api_url, grafana.ini.auth.generic_oauth.auth_url, grafana.ini.auth.generic_oauth.client_id, grafana.ini.auth.generic_oauth.enabled, grafana.ini.auth.generic_oauth.groups_attribute_path, grafana.ini.auth.generic_oauth.name, grafana.ini.auth.generic_oauth.role_attribute_path, grafana.ini.auth.generic_oauth.scopes, grafana.ini.auth.generic_oauth.token_url, grafana.ini.auth.generic_oauth.use_pkce, grafana.ini.server.domain, grafana.ini.server.root_url, grafana.ini.users.allow_sign_up, persistence.enabled, persistence.size, priorityClassName, replicas, resources.limits.memory, resources.requests.cpu, resources.requests.memory, serviceMonitor.enabled, sidecar.dashboards.enabled, sidecar.dashboards.folderAnnotation, sidecar.dashboards.label, sidecar.dashboards.labelValue, sidecar.dashboards.provider.foldersFromFilesStructure, sidecar.dashboards.searchNamespace, sidecar.resources.limits.memory, sidecar.resources.requests.cpu, sidecar.resources.requests.memory".Split(", "),
        ValuePaths.Of(Values(Prod()), "datasources.datasources.yaml"));

    [Fact]
    public void ItProvisionsTheDatasourcesOfTheInstalledAddonsWithFixedUids()
    {
        var datasources = Values(Prod())["datasources"]!["datasources.yaml"]!["datasources"]!.AsArray();

        Assert.Equal(
            ["prometheus http://kube-prometheus-stack-prometheus.monitoring.svc:9090", "alertmanager http://kube-prometheus-stack-alertmanager.monitoring.svc:9093", "loki http://loki-gateway.observability.svc"],
            datasources.Take(3).Select(d => $"{d!["uid"]} {d["url"]}"));
        Assert.Equal(["loki-analytics", "loki-payments", "loki-search", "tempo", "tempo-analytics", "tempo-payments", "tempo-search", "mimir"], datasources.Skip(3).Select(d => (string)d!["uid"]!));
        Assert.True((bool)datasources[0]!["isDefault"]!);
    }

    [Fact]
    public void TheAdminPasswordComesFromSecretConfigExceptOnADevStackThatSetsNone()
    {
        var secret = Grafana(Prod()).ConfigSecrets.Single(s => s.Name == global::Platform.Stacks.Addons.Grafana.AdminSecret);

        Assert.Equal((global::Platform.Stacks.Addons.Grafana.AdminSecret, "observability", "grafanaSecrets"), (secret.Name, secret.Namespace, secret.ConfigKey));
        Assert.Equal("admin", secret.PlainData!["admin-user"]);
        Assert.False(secret.Values.Single().Optional);
        Assert.Equal(global::Platform.Stacks.Addons.Grafana.AdminSecret, (string)Values(Prod())["admin"]!["existingSecret"]!);
        Assert.Empty(Grafana(Local()).ConfigSecrets);
        Assert.Null(Values(Local())["admin"]);
        var devWithPassword = Stacks.Valid(Stacks.Config("platform:environment: dev", "platform:expiresAt: 2099-01-01", "platform:cluster: { context: kind }", "platform:grafanaSecrets: { adminPassword: { secure: AAABAQ== } }"), "dev-x");
        Assert.Single(Grafana(devWithPassword).ConfigSecrets);
    }

    [Fact]
    public void ItIsServedAtGrafanaDotTheDomainOnItsOwnListener()
    {
        var plan = Prod();
        var route = Grafana(plan).Objects.Single(o => (string)o["kind"]! == "HTTPRoute");

        Assert.Equal(["grafana.prod.example.com"], route["spec"]!["hostnames"]!.AsArray().Select(h => (string)h!));
        Assert.Equal("grafana", (string)route["spec"]!["parentRefs"]![0]!["sectionName"]!);
        Assert.Equal("https://grafana.prod.example.com", (string)Values(plan)["grafana.ini"]!["server"]!["root_url"]!);
        var gateway = plan.Addons.Single(a => a.Name == "envoyGateway").Objects.Single(o => (string)o["kind"]! == "Gateway");
        Assert.Equal(["http", "https", "argocd", "grafana"], gateway["spec"]!["listeners"]!.AsArray().Select(l => (string)l!["name"]!));
    }

    [Fact]
    public void ThePlatformFolderHoldsTheNodePoolsAndAddonsDashboards()
    {
        var map = Grafana(Prod()).Objects.Single(o => (string)o["metadata"]!["name"]! == "dashboards-platform");
        string[] Titles(string file) => [.. JsonNode.Parse((string)map["data"]![file]!)!["panels"]!.AsArray().Select(p => (string)p!["title"]!)];

        Assert.Equal("Platform", (string)map["metadata"]!["annotations"]![global::Platform.Stacks.Addons.Grafana.FolderAnnotation]!);
        var pools = JsonNode.Parse((string)map["data"]!["node-pools.json"]!)!;
        // The same ratio the saturation alert fires on.
        Assert.Equal(Alerting.PlatformAlerts.PoolRequestRatio, (string)pools["panels"]![1]!["targets"]![0]!["expr"]!);
        Assert.Equal(["Pods not ready", "Container restarts in the last hour", "Days until each certificate expires", "Argo CD apps by health", "Loki writes refused (share)", "Mimir writes refused (share), and samples Prometheus failed to send"], Titles("addons.json"));
        var addons = (string)map["data"]!["addons.json"]!;
        // The namespaces Helm installs into in prod: not Calico's, which is GKE's own there.
        Assert.Contains("namespace=~\\\"argocd|cert-manager|envoy-gateway-system|external-dns|kafka|kyverno|monitoring|observability\\\"", addons, StringComparison.Ordinal);
        // Only the panels of add-ons that are on.
        var lean = Grafana(Stacks.Valid(Stacks.GcpStaging("platform:addons: { argocd: false, mimir: false }"))).Objects.Single(o => (string)o["metadata"]!["name"]! == "dashboards-platform");
        Assert.DoesNotContain("argocd_app_info", (string)lean["data"]!["addons.json"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("cortex_request", (string)lean["data"]!["addons.json"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void EachTenantGetsAFolderWithItsOverviewAndAPanelPerSlo()
    {
        var maps = Grafana(Prod()).Objects.Where(o => (string)o["kind"]! == "ConfigMap" && (string)o["metadata"]!["name"]! != "dashboards-platform").ToList();

        Assert.Equal(["analytics", "payments", "search"], maps.Select(m => (string)m["metadata"]!["annotations"]![global::Platform.Stacks.Addons.Grafana.FolderAnnotation]!));
        Assert.All(maps, m => Assert.Equal("1", (string)m["metadata"]!["labels"]![global::Platform.Stacks.Addons.Grafana.DashboardLabel]!));
        var dashboard = JsonNode.Parse((string)maps[1]["data"]!["payments-overview.json"]!)!;
        var titles = dashboard["panels"]!.AsArray().Select(p => (string)p!["title"]!).ToList();
        Assert.Equal("SLO payments-api: error ratio and budget", titles[^1]);
        Assert.Equal(4, titles.Count);
        var queries = dashboard["panels"]!.AsArray().SelectMany(p => p!["targets"]!.AsArray()).Select(t => (string)t!["expr"]!).ToList();
        Assert.All(queries.Take(5), q => Assert.Contains("namespace=\"payments\"", q, StringComparison.Ordinal));
        Assert.Contains("slo:sli_error:ratio_rate1h{slo=\"payments-api\"}", queries);
    }

    [Fact]
    public void TheMonitoringChartsKubernetesDashboardsLandInTheirOwnFolder()
    {
        var grafana = Prod().Addons.Single(a => a.Name == "prometheus").Release!.Values["grafana"]!;

        Assert.False((bool)grafana["enabled"]!);
        Assert.True((bool)grafana["forceDeployDashboards"]!);
        Assert.Equal("Kubernetes", (string)grafana["sidecar"]!["dashboards"]!["annotations"]![global::Platform.Stacks.Addons.Grafana.FolderAnnotation]!);
    }
}
