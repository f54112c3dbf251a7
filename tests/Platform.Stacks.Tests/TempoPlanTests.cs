using System.Text.Json.Nodes;
using Platform.Stacks.Addons;

namespace Platform.Stacks.Tests;

/// <summary>Tempo and the trace path: its store per cloud, OTLP through Alloy, and the links between signals in Grafana.</summary>
public class TempoPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan Staging() => Planner.PlanStackFile(Repo.Root, "staging").Plan!;

    private static PlatformPlan AwsProd() => Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

    private static AddonPlan Addon(PlatformPlan plan, string name) => plan.Addons.Single(a => a.Name == name);

    private static JsonObject Values(PlatformPlan plan) => Addon(plan, "tempo").Release!.Values;

    [Fact]
    public void ValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        // Checked against tempo 2.2.4's values.yaml; tempo.storage.trace takes Tempo's own storage settings.
        "persistence.enabled, persistence.size, priorityClassName, replicas, serviceAccount.annotations.iam.gke.io/gcp-service-account, serviceAccount.create, serviceAccount.name, serviceMonitor.enabled, tempo.metricsGenerator.enabled, tempo.metricsGenerator.registry.inject_tenant_id_as, tempo.metricsGenerator.storage.remote_write, tempo.multitenancyEnabled, tempo.overrides.defaults.metrics_generator.processors, tempo.receivers.otlp.protocols.grpc.endpoint, tempo.receivers.otlp.protocols.http.endpoint, tempo.reportingEnabled, tempo.resources.limits.memory, tempo.resources.requests.cpu, tempo.resources.requests.memory, tempo.retention, tempo.storage.trace.backend, tempo.storage.trace.gcs.bucket_name, tempo.storage.trace.wal.path".Split(", "),
        ValuePaths.Of(Values(Staging())));

    [Fact]
    public void DistributedValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        // Checked against tempo-distributed 3.3.0's values.yaml and templates; storage.trace.gcs is passed to Tempo
        // as it is, and the chart renders ingest.kafka only with an address.
        "backendScheduler.config.provider.compaction.compaction.block_retention, backendScheduler.resources.limits.memory, backendScheduler.resources.requests.cpu, backendScheduler.resources.requests.memory, backendWorker.replicas, backendWorker.resources.limits.memory, backendWorker.resources.requests.cpu, backendWorker.resources.requests.memory, blockBuilder.replicas, blockBuilder.resources.limits.memory, blockBuilder.resources.requests.cpu, blockBuilder.resources.requests.memory, distributor.replicas, distributor.resources.limits.memory, distributor.resources.requests.cpu, distributor.resources.requests.memory, global.priorityClassName, ingest.kafka.address, ingest.kafka.auto_create_topic_default_partitions, ingest.kafka.auto_create_topic_enabled, ingest.kafka.topic, liveStore.replicas, liveStore.resources.limits.memory, liveStore.resources.requests.cpu, liveStore.resources.requests.memory, memcached.resources.limits.memory, memcached.resources.requests.cpu, memcached.resources.requests.memory, metaMonitoring.serviceMonitor.enabled, metricsGenerator.config.registry.inject_tenant_id_as, metricsGenerator.config.storage.remote_write, metricsGenerator.enabled, metricsGenerator.replicas, metricsGenerator.resources.limits.memory, metricsGenerator.resources.requests.cpu, metricsGenerator.resources.requests.memory, multitenancyEnabled, overrides.defaults.metrics_generator.processors, querier.replicas, querier.resources.limits.memory, querier.resources.requests.cpu, querier.resources.requests.memory, queryFrontend.replicas, queryFrontend.resources.limits.memory, queryFrontend.resources.requests.cpu, queryFrontend.resources.requests.memory, reportingEnabled, serviceAccount.annotations.iam.gke.io/gcp-service-account, serviceAccount.create, serviceAccount.name, storage.trace.backend, storage.trace.gcs.bucket_name, traces.otlp.grpc.enabled, traces.otlp.http.enabled".Split(", "),
        ValuePaths.Of(Values(Prod())));

    [Fact]
    public void TheCapacityCheckCountsWhatEachComponentsValuesAsk()
    {
        var values = Values(Prod());
        var components = new Dictionary<string, JsonNode>
        {
            ["distributor"] = values["distributor"]!,
            ["block-builder"] = values["blockBuilder"]!,
            ["live-store"] = values["liveStore"]!,
            ["querier"] = values["querier"]!,
            ["query-frontend"] = values["queryFrontend"]!,
            ["backend-scheduler"] = values["backendScheduler"]!,
            ["backend-worker"] = values["backendWorker"]!,
            ["metrics-generator"] = values["metricsGenerator"]!,
            ["memcached"] = values["memcached"]!,
        };

        ValueRequests.Match(Addon(Prod(), "tempo"), components);
        ValueRequests.Match(Addon(Staging(), "tempo"), new Dictionary<string, JsonNode> { ["tempo"] = Values(Staging())["tempo"]! });
    }

    [Fact]
    public void InProdItRunsDistributedThroughKafkaAndElsewhereAsOneBinary()
    {
        Assert.Equal(new ChartRef("tempo-distributed", "https://grafana-community.github.io/helm-charts", "3.3.0"), Addon(Prod(), "tempo").Release!.Chart);
        Assert.Equal("tempo", Addon(Staging(), "tempo").Release!.Chart.Chart);
        var kafka = Values(Prod())["ingest"]!["kafka"]!;
        Assert.Equal("platform-kafka-bootstrap.kafka.svc:9092", (string)kafka["address"]!);
        Assert.Equal(Kafka.TempoTopic, (string)kafka["topic"]!);
        Assert.False((bool)kafka["auto_create_topic_enabled"]!);
        // One block-builder and one live-store per partition, as the chart requires.
        Assert.Equal(Kafka.TempoPartitions, (int)Values(Prod())["blockBuilder"]!["replicas"]!);
        Assert.Equal(Kafka.TempoPartitions, (int)Values(Prod())["liveStore"]!["replicas"]!);
        Assert.Contains("strimzi", Addon(Prod(), "tempo").Release!.DependsOn);
        Assert.Equal("disabled", Addon(Staging(), "kafka").Mode);
    }

    [Fact]
    public void OnGkeItKeepsTracesInItsOwnBucketForTheProfilesRetention()
    {
        var tempo = Addon(Staging(), "tempo");

        Assert.Equal("gcs", (string)Values(Staging())["tempo"]!["storage"]!["trace"]!["backend"]!);
        Assert.Equal(tempo.Bucket!.Name, (string)Values(Staging())["tempo"]!["storage"]!["trace"]!["gcs"]!["bucket_name"]!);
        Assert.Matches("^staging-tempo-[0-9a-f]{8}$", tempo.Bucket.Name);
        Assert.Equal((7, "168h"), (tempo.Bucket.RetentionDays, (string)Values(Staging())["tempo"]!["retention"]!));
        Assert.Equal(tempo.Bucket.Name, tempo.Identity!.Gcp!.Bucket);
        // The chart's Jaeger receivers stay: its port template reads them.
        Assert.False(Values(Staging())["tempo"]!["receivers"]!.AsObject().ContainsKey("jaeger"));
        var distributed = Addon(Prod(), "tempo");
        Assert.Equal(distributed.Bucket!.Name, (string)Values(Prod())["storage"]!["trace"]!["gcs"]!["bucket_name"]!);
        Assert.Equal((14, "336h"), (distributed.Bucket.RetentionDays, (string)Values(Prod())["backendScheduler"]!["config"]!["provider"]!["compaction"]!["compaction"]!["block_retention"]!));
        Assert.Equal(distributed.Identity!.Gcp!.Email, (string)Values(Prod())["serviceAccount"]!["annotations"]!["iam.gke.io/gcp-service-account"]!);
    }

    [Fact]
    public void ItsMetricsGeneratorWritesServiceGraphsToEveryPrometheusReplicaWhichAcceptsThem()
    {
        static IEnumerable<string> Urls(JsonNode writes) => writes.AsArray().Select(w => (string)w!["url"]!);
        var generator = Values(Staging())["tempo"]!["metricsGenerator"]!;

        Assert.True((bool)generator["enabled"]!);
        Assert.Equal(["http://prometheus-kube-prometheus-stack-prometheus-0.prometheus-operated.monitoring.svc:9090/api/v1/write"], Urls(generator["storage"]!["remote_write"]!));
        Assert.Equal(["service-graphs", "span-metrics"], Values(Staging())["tempo"]!["overrides"]!["defaults"]!["metrics_generator"]!["processors"]!.AsArray().Select(p => (string)p!));
        // Prod runs two Prometheus replicas; each gets every sample, so Grafana sees the same whichever answers.
        var distributed = Values(Prod())["metricsGenerator"]!;
        Assert.True((bool)distributed["enabled"]!);
        Assert.Equal(
            Enumerable.Range(0, 2).Select(i => $"http://prometheus-kube-prometheus-stack-prometheus-{i}.prometheus-operated.monitoring.svc:9090/api/v1/write"),
            Urls(distributed["config"]!["storage"]!["remote_write"]!));
        Assert.Equal(["service-graphs", "span-metrics"], Values(Prod())["overrides"]!["defaults"]!["metrics_generator"]!["processors"]!.AsArray().Select(p => (string)p!));
        var prometheus = Addon(Prod(), "prometheus").Release!.Values["prometheus"]!["prometheusSpec"]!;
        Assert.Equal(2, (int)prometheus["replicas"]!);
        Assert.True((bool)prometheus["enableRemoteWriteReceiver"]!);
        var withoutTempo = Stacks.Valid(Stacks.GcpStaging("platform:addons: { tempo: false }"));
        Assert.Null(Addon(withoutTempo, "prometheus").Release!.Values["prometheus"]!["prometheusSpec"]!["enableRemoteWriteReceiver"]);
    }

    [Fact]
    public void OnAnExistingClusterItStaysOneBinaryEvenInHaModeForItHasNoBucketToShare()
    {
        var plan = Stacks.Valid(Stacks.Config("platform:environment: staging", "platform:cluster: { context: kind-platform }", "platform:addons:\n  tempo: { ha: true }"));

        Assert.Equal("tempo", Addon(plan, "tempo").Release!.Chart.Chart);
        Assert.Equal("disabled", Addon(plan, "kafka").Mode);
    }

    [Fact]
    public void EachTenantsSpansGoUnderItsOwnTenantIdAndTheRestUnderThePlatforms()
    {
        var config = Alloy.Config(Prod().Spec);

        Assert.True((bool)Values(Prod())["multitenancyEnabled"]!);
        Assert.True((bool)Values(Staging())["tempo"]!["multitenancyEnabled"]!);
        // payments' exporter takes only payments' spans, under its id.
        var payments = config[config.IndexOf("otelcol.processor.filter \"traces_payments\"", StringComparison.Ordinal)..];
        Assert.Contains("`resource.attributes[\"k8s.namespace.name\"] != \"payments\"`", payments[..payments.IndexOf("otelcol.exporter", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("\"X-Scope-OrgID\" = \"payments\"", payments, StringComparison.Ordinal);
        // The platform's drops every tenant's.
        var platform = config[config.IndexOf("otelcol.processor.filter \"traces_platform\"", StringComparison.Ordinal)..config.IndexOf("otelcol.exporter.otlp \"tempo_platform\"", StringComparison.Ordinal)];
        Assert.All(Prod().Spec.Tenants, t => Assert.Contains($"== \"{t.Name}\"", platform, StringComparison.Ordinal));
        // Without tenants, every span goes straight to the platform's exporter.
        var alone = Alloy.Config(Stacks.Valid(Stacks.GcpStaging()).Spec);
        Assert.DoesNotContain("otelcol.processor.filter", alone, StringComparison.Ordinal);
        Assert.Contains("traces = [otelcol.exporter.otlp.tempo_platform.input]", alone, StringComparison.Ordinal);
    }

    [Fact]
    public void ASenderCannotChooseItsTenantByWhatItSaysOfItself()
    {
        var config = Alloy.Config(Prod().Spec);
        var transform = config.IndexOf("otelcol.processor.transform \"apps\"", StringComparison.Ordinal);
        var attributes = config.IndexOf("otelcol.processor.k8sattributes \"apps\"", StringComparison.Ordinal);

        // The receiver hands everything to the transform, which deletes the claimed pod and namespace before
        // k8sattributes looks the sender up by its connection's address.
        Assert.Contains("traces = [otelcol.processor.transform.apps.input]", config[..transform], StringComparison.Ordinal);
        Assert.Contains("`delete_key(attributes, \"k8s.namespace.name\")`", config[transform..attributes], StringComparison.Ordinal);
        Assert.Contains("`delete_key(attributes, \"k8s.pod.ip\")`", config[transform..attributes], StringComparison.Ordinal);
        Assert.Contains("from = \"connection\"", config[attributes..], StringComparison.Ordinal);
    }

    [Fact]
    public void TheGeneratorLabelsWhatItWritesWithTheTenant()
    {
        Assert.Equal("tenant", (string)Values(Prod())["metricsGenerator"]!["config"]!["registry"]!["inject_tenant_id_as"]!);
        Assert.Equal("tenant", (string)Values(Staging())["tempo"]!["metricsGenerator"]!["registry"]!["inject_tenant_id_as"]!);
    }

    [Fact]
    public void GrafanaReadsTracesOfEveryTenantInOneDatasourceAndOfEachInItsOwn()
    {
        var datasources = Grafana.DatasourcesOf(Prod().Spec).Where(d => (string)d["type"]! == "tempo").ToList();

        Assert.Equal(["tempo", "tempo-analytics", "tempo-payments", "tempo-search"], datasources.Select(d => (string)d["uid"]!));
        Assert.Equal("platform|analytics|payments|search", (string)datasources[0]["secureJsonData"]!["httpHeaderValue1"]!);
        Assert.Equal("payments", (string)datasources[2]["secureJsonData"]!["httpHeaderValue1"]!);
        Assert.All(datasources, d => Assert.Equal("X-Scope-OrgID", (string)d["jsonData"]!["httpHeaderName1"]!));
        // A tenant's spans link to that tenant's logs only; the datasource over every tenant to every tenant's.
        Assert.Equal("loki-payments", (string)datasources[2]["jsonData"]!["tracesToLogsV2"]!["datasourceUid"]!);
        Assert.Equal("loki-payments", (string)datasources[2]["jsonData"]!["lokiSearch"]!["datasourceUid"]!);
        Assert.Equal("loki", (string)datasources[0]["jsonData"]!["tracesToLogsV2"]!["datasourceUid"]!);
    }

    [Fact]
    public void OnEksItUsesItsRegionsS3EndpointWithNoKeys()
    {
        var trace = Values(AwsProd())["storage"]!["trace"]!;

        Assert.Equal("s3", (string)trace["backend"]!);
        Assert.Equal("s3.eu-west-1.amazonaws.com", (string)trace["s3"]!["endpoint"]!);
        Assert.Null(trace["s3"]!["access_key"]);
    }

    [Fact]
    public void DistributedModeNeedsKafkaAndSaysHowToDoWithout() => Stacks.Rejects(
        Stacks.GcpStaging("platform:addons:\n  tempo: { ha: true }\n  kafka: false"),
        "platform:addons.tempo.ha: true runs Tempo distributed, which needs kafka, which is disabled; enable platform:addons.kafka or set ha to false for one binary");

    [Fact]
    public void OnAnExistingClusterItKeepsTracesOnItsVolume()
    {
        var plan = Stacks.Valid(Stacks.Config("platform:environment: staging", "platform:cluster: { context: kind-platform }"));

        Assert.Equal("local", (string)Values(plan)["tempo"]!["storage"]!["trace"]!["backend"]!);
        Assert.Null(Addon(plan, "tempo").Bucket);
    }

    [Fact]
    public void AlloyReceivesOtlpOnItsServiceAndBatchesItToTempo()
    {
        var alloy = Addon(Prod(), "alloy").Release!.Values["alloy"]!;
        var config = (string)alloy["configMap"]!["content"]!;

        Assert.Equal([4317, 4318], alloy["extraPorts"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.Contains("otelcol.receiver.otlp \"apps\"", config, StringComparison.Ordinal);
        Assert.Contains("endpoint = \"tempo-distributor.observability.svc:4317\"", config, StringComparison.Ordinal);
        Assert.Contains("endpoint = \"tempo.observability.svc:4317\"", Alloy.Config(Staging().Spec), StringComparison.Ordinal);
        Assert.Contains("k8s.namespace.name", config, StringComparison.Ordinal);
    }

    [Fact]
    public void TenantsMayReachTheCollectorsOtlpPortsAndNothingElseOutside()
    {
        var policy = Prod().Manifests.SelectMany(b => b.Objects)
            .Single(o => (string)o["metadata"]!["name"]! == "allow-otlp-to-collector" && (string)o["metadata"]!["namespace"]! == "payments");

        var rule = policy["spec"]!["egress"]![0]!;
        Assert.Equal([4317, 4318], rule["ports"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.Equal("alloy", (string)rule["to"]![0]!["podSelector"]!["matchLabels"]!["app.kubernetes.io/name"]!);
        Assert.Equal("observability", (string)rule["to"]![0]!["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!);
    }

    [Fact]
    public void GrafanaLinksTracesToLogsAndMetricsAndLogLinesToTraces()
    {
        var datasources = Grafana.DatasourcesOf(Prod().Spec).ToList();
        var tempo = datasources.Single(d => (string)d["uid"]! == "tempo")["jsonData"]!;
        var loki = datasources.Single(d => (string)d["uid"]! == "loki")["jsonData"]!;

        Assert.Equal("loki", (string)tempo["tracesToLogsV2"]!["datasourceUid"]!);
        Assert.Equal("prometheus", (string)tempo["tracesToMetrics"]!["datasourceUid"]!);
        Assert.All(tempo["tracesToMetrics"]!["queries"]!.AsArray(), q => Assert.Contains("{$$__tags,", (string)q!["query"]!, StringComparison.Ordinal));
        Assert.Equal("prometheus", (string)tempo["serviceMap"]!["datasourceUid"]!);
        Assert.Equal("tempo", (string)loki["derivedFields"]![0]!["datasourceUid"]!);
        Assert.Equal("$${__value.raw}", (string)loki["derivedFields"]![0]!["url"]!);
        var withoutTempo = Grafana.DatasourcesOf(Stacks.Valid(Stacks.GcpStaging("platform:addons: { tempo: false }")).Spec).Single(d => (string)d["uid"]! == "loki");
        Assert.Null(withoutTempo["jsonData"]!["derivedFields"]);
    }
}
