using System.Text.Json.Nodes;
using Platform.Stacks.Addons;
using Platform.Stacks.Alerting;

namespace Platform.Stacks.Tests;

/// <summary>The monitoring stack (kube-prometheus-stack): its values per profile, the objects it owns and its Secret.</summary>
public class MonitoringPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan Staging() => Planner.PlanStackFile(Repo.Root, "staging").Plan!;

    private static PlatformPlan Local() => Planner.PlanStackFile(Repo.Examples, "local").Plan!;

    private static AddonPlan Monitoring(PlatformPlan plan) => plan.Addons.Single(a => a.Name == "prometheus");

    private static JsonObject Values(PlatformPlan plan) => Monitoring(plan).Release!.Values;

    [Fact]
    public void ValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        // Checked against kube-prometheus-stack 88.5.3's values.yaml; the subcharts' keys (kube-state-metrics,
        // prometheus-node-exporter) against their charts' documented values. alertmanager.config is Alertmanager's own
        // configuration, which amtool checks in the test command.
        "alertmanager.alertmanagerSpec.priorityClassName, alertmanager.alertmanagerSpec.replicas, alertmanager.alertmanagerSpec.resources.limits.memory, alertmanager.alertmanagerSpec.resources.requests.cpu, alertmanager.alertmanagerSpec.resources.requests.memory, alertmanager.alertmanagerSpec.retention, alertmanager.alertmanagerSpec.secrets, alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.accessModes, alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.resources.requests.storage, alertmanager.config, defaultRules.create, defaultRules.rules.etcd, defaultRules.rules.kubeControllerManager, defaultRules.rules.kubeProxy, defaultRules.rules.kubeSchedulerAlerting, defaultRules.rules.kubeSchedulerRecording, grafana.enabled, grafana.forceDeployDashboards, grafana.sidecar.dashboards.annotations.grafana_folder, kube-state-metrics.metricLabelsAllowlist, kube-state-metrics.resources.limits.memory, kube-state-metrics.resources.requests.cpu, kube-state-metrics.resources.requests.memory, kubeControllerManager.enabled, kubeEtcd.enabled, kubeProxy.enabled, kubeScheduler.enabled, prometheus-node-exporter.resources.limits.memory, prometheus-node-exporter.resources.requests.cpu, prometheus-node-exporter.resources.requests.memory, prometheus-node-exporter.tolerations, prometheus.prometheusSpec.enableRemoteWriteReceiver, prometheus.prometheusSpec.externalLabels.cluster, prometheus.prometheusSpec.externalLabels.environment, prometheus.prometheusSpec.podMonitorSelectorNilUsesHelmValues, prometheus.prometheusSpec.priorityClassName, prometheus.prometheusSpec.probeSelectorNilUsesHelmValues, prometheus.prometheusSpec.remoteWrite, prometheus.prometheusSpec.replicas, prometheus.prometheusSpec.resources.limits.memory, prometheus.prometheusSpec.resources.requests.cpu, prometheus.prometheusSpec.resources.requests.memory, prometheus.prometheusSpec.retention, prometheus.prometheusSpec.retentionSize, prometheus.prometheusSpec.ruleSelectorNilUsesHelmValues, prometheus.prometheusSpec.scrapeConfigSelectorNilUsesHelmValues, prometheus.prometheusSpec.serviceMonitorSelectorNilUsesHelmValues, prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.accessModes, prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.resources.requests.storage, prometheusOperator.resources.limits.memory, prometheusOperator.resources.requests.cpu, prometheusOperator.resources.requests.memory".Split(", "),
        ValuePaths.Of(Values(Prod()), "alertmanager.config"));

    [Theory]
    [InlineData("dev", 1, 1, "2d", "10Gi", "250m")]
    [InlineData("staging", 1, 1, "7d", "50Gi", "500m")]
    [InlineData("prod", 2, 3, "15d", "100Gi", "1000m")]
    public void EachProfileRunsTheSizesTheReadmeStates(string profile, int prometheus, int alertmanager, string retention, string volume, string cpu)
    {
        var plan = profile switch { "dev" => Local(), "staging" => Staging(), _ => Prod() };
        var spec = Values(plan)["prometheus"]!["prometheusSpec"]!;

        Assert.Equal(prometheus, (int)spec["replicas"]!);
        Assert.Equal(alertmanager, (int)Values(plan)["alertmanager"]!["alertmanagerSpec"]!["replicas"]!);
        Assert.Equal(retention, (string)spec["retention"]!);
        Assert.Equal(volume, (string)spec["storageSpec"]!["volumeClaimTemplate"]!["spec"]!["resources"]!["requests"]!["storage"]!);
        Assert.Equal(cpu, (string)spec["resources"]!["requests"]!["cpu"]!);
    }

    [Fact]
    public void TheCapacityCheckCountsEveryReplicaAndTheNodeExporterOnEveryNode()
    {
        var monitoring = Monitoring(Prod());

        // Two Prometheus replicas of 1 CPU and 4 GiB, three Alertmanagers, the operator and kube-state-metrics.
        Assert.Equal(Model.Resources.Of(2.3m, 8.625m, 7), monitoring.Requests);
        Assert.Equal(Model.Resources.Of(0.05m, 0.0625m, 1), monitoring.PerNode);
    }

    [Fact]
    public void ItOwnsARuleForEachSloOneForThePlatformAndTheMonitorsTheAlertsRead()
    {
        var objects = Monitoring(Prod()).Objects.Select(o => $"{o["kind"]} {o["metadata"]!["namespace"]}/{o["metadata"]!["name"]}");

        Assert.Equal(
            ["PrometheusRule monitoring/slo-payments-api", "PrometheusRule monitoring/slo-search-query", "PrometheusRule monitoring/platform-alerts", "PodMonitor envoy-gateway-system/gateway-proxies", "PodMonitor envoy-gateway-system/envoy-gateway", "ServiceMonitor cert-manager/cert-manager"],
            objects);
    }

    [Fact]
    public void APrometheusRuleHoldsExactlyTheRenderedRuleFilesGroups()
    {
        var plan = Prod();
        var rule = Monitoring(plan).Objects.Single(o => (string)o["metadata"]!["name"]! == "slo-payments-api");

        Assert.True(JsonNode.DeepEquals(plan.Alerting!.Rules[0].Rules["groups"], rule["spec"]!["groups"]));
    }

    [Fact]
    public void TheProxyMonitorSelectsTheLabelTheGatewayPutsOnItsProxies()
    {
        var monitor = Monitoring(Prod()).Objects.Single(o => (string)o["metadata"]!["name"]! == "gateway-proxies");

        Assert.Equal(EnvoyGateway.ProxyComponent, (string)monitor["spec"]!["selector"]!["matchLabels"]![EnvoyGateway.ProxyLabel]!);
        Assert.Equal("/stats/prometheus", (string)monitor["spec"]!["podMetricsEndpoints"]![0]!["path"]!);
    }

    [Fact]
    public void TheGatewayControllerMonitorSelectsTheLabelsItsChartPutsOnItsPods()
    {
        var monitor = Monitoring(Prod()).Objects.Single(o => (string)o["metadata"]!["name"]! == "envoy-gateway");

        // gateway-helm v1.9.0 labels the controller's pods control-plane: envoy-gateway and with the release as
        // instance, and names the container port 19001 "metrics" in its default deployment.ports.
        Assert.Equal("envoy-gateway", (string)monitor["spec"]!["selector"]!["matchLabels"]!["control-plane"]!);
        Assert.Equal(AddonCatalog.Get("envoyGateway").Release, (string)monitor["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/instance"]!);
        Assert.Equal("metrics", (string)monitor["spec"]!["podMetricsEndpoints"]![0]!["port"]!);
        Assert.Null(Prod().Addons.Single(a => a.Name == "envoyGateway").Release!.Values["deployment"]!["ports"]);
    }

    [Theory]
    [InlineData("kyverno", "admissionController.serviceMonitor.enabled")]
    [InlineData("kyverno", "reportsController.serviceMonitor.enabled")]
    [InlineData("externalDns", "serviceMonitor.enabled")]
    [InlineData("grafana", "serviceMonitor.enabled")]
    public void AddonsInstalledAfterPrometheusBringTheirOwnMonitors(string addon, string path)
    {
        static JsonNode? At(JsonObject values, string path) => path.Split('.').Aggregate((JsonNode?)values, (node, key) => node?[key]);
        var plan = Prod();
        var release = plan.Addons.Single(a => a.Name == addon).Release!;

        Assert.True((bool)At(release.Values, path)!);
        Assert.Contains(Monitoring(plan).Release!.Name, release.DependsOn);
    }

    [Fact]
    public void AlertmanagerMountsTheReceiversSecretOnlyWhereThereAreReceivers()
    {
        var secret = Assert.Single(Monitoring(Prod()).ConfigSecrets);

        Assert.Equal((AlertmanagerConfig.SecretName, "monitoring", "receiverSecrets"), (secret.Name, secret.Namespace, secret.ConfigKey));
        Assert.Equal(["oncall", "payments-chat", "platform-chat"], secret.Values.Select(v => v.Entry));
        Assert.Equal(AlertmanagerConfig.SecretName, (string)Values(Prod())["alertmanager"]!["alertmanagerSpec"]!["secrets"]![0]!);
        Assert.Empty(Monitoring(Staging()).ConfigSecrets);
        Assert.Null(Values(Staging())["alertmanager"]!["alertmanagerSpec"]!["secrets"]);
    }

    [Fact]
    public void KubeStateMetricsExposesThePoolLabelTheSaturationAlertGroupsBy() => Assert.Equal(
        "nodes=[platform/pool]",
        (string)Values(Prod())["kube-state-metrics"]!["metricLabelsAllowlist"]![0]!);

    [Fact]
    public void TenantsAdmitScrapesFromTheNamespacePrometheusRunsIn()
    {
        var plan = Prod();
        var policy = plan.Manifests.SelectMany(b => b.Objects)
            .Single(o => (string)o["kind"]! == "NetworkPolicy" && (string)o["metadata"]!["name"]! == "allow-from-monitoring" && (string)o["metadata"]!["namespace"]! == "payments");

        Assert.Equal(Monitoring(plan).Release!.Namespace, (string)policy["spec"]!["ingress"]![0]!["from"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!);
        Assert.Equal("monitoring", Monitoring(plan).Release!.Namespace);
    }
}
