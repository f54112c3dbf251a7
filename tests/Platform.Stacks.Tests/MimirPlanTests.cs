using System.Text.Json.Nodes;
using Platform.Stacks.Addons;

namespace Platform.Stacks.Tests;

/// <summary>Mimir: its classic write path, its bucket and identity per cloud, its shape per profile, and Prometheus and Grafana wired to it.</summary>
public class MimirPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan AwsProd() => Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

    private static AddonPlan Addon(PlatformPlan plan, string name) => plan.Addons.Single(a => a.Name == name);

    private static JsonObject Values(PlatformPlan plan) => Addon(plan, "mimir").Release!.Values;

    private static JsonNode Config(PlatformPlan plan) => Values(plan)["mimir"]!["structuredConfig"]!;

    [Fact]
    public void ValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        // Checked against mimir-distributed 6.2.0-rc.0's values.yaml (6.2.0 has the same keys);
        // mimir.structuredConfig is Mimir's own configuration, merged over the chart's.
        "alertmanager.enabled, compactor.persistentVolume.enabled, compactor.persistentVolume.size, compactor.priorityClassName, compactor.replicas, compactor.resources.limits.memory, compactor.resources.requests.cpu, compactor.resources.requests.memory, distributor.priorityClassName, distributor.replicas, distributor.resources.limits.memory, distributor.resources.requests.cpu, distributor.resources.requests.memory, distributor.topologySpreadConstraints.maxSkew, distributor.topologySpreadConstraints.topologyKey, distributor.topologySpreadConstraints.whenUnsatisfiable, gateway.priorityClassName, gateway.replicas, gateway.resources.limits.memory, gateway.resources.requests.cpu, gateway.resources.requests.memory, gateway.topologySpreadConstraints.maxSkew, gateway.topologySpreadConstraints.topologyKey, gateway.topologySpreadConstraints.whenUnsatisfiable, ingester.persistentVolume.enabled, ingester.persistentVolume.size, ingester.priorityClassName, ingester.replicas, ingester.resources.limits.memory, ingester.resources.requests.cpu, ingester.resources.requests.memory, ingester.topologySpreadConstraints.maxSkew, ingester.topologySpreadConstraints.topologyKey, ingester.topologySpreadConstraints.whenUnsatisfiable, ingester.zoneAwareReplication.enabled, kafka.enabled, metaMonitoring.dashboards.annotations.grafana_folder, metaMonitoring.dashboards.enabled, metaMonitoring.serviceMonitor.clusterLabel, metaMonitoring.serviceMonitor.enabled, mimir.structuredConfig, minio.enabled, overrides_exporter.enabled, querier.priorityClassName, querier.replicas, querier.resources.limits.memory, querier.resources.requests.cpu, querier.resources.requests.memory, querier.topologySpreadConstraints.maxSkew, querier.topologySpreadConstraints.topologyKey, querier.topologySpreadConstraints.whenUnsatisfiable, query_frontend.priorityClassName, query_frontend.replicas, query_frontend.resources.limits.memory, query_frontend.resources.requests.cpu, query_frontend.resources.requests.memory, query_frontend.topologySpreadConstraints.maxSkew, query_frontend.topologySpreadConstraints.topologyKey, query_frontend.topologySpreadConstraints.whenUnsatisfiable, query_scheduler.priorityClassName, query_scheduler.replicas, query_scheduler.resources.limits.memory, query_scheduler.resources.requests.cpu, query_scheduler.resources.requests.memory, query_scheduler.topologySpreadConstraints.maxSkew, query_scheduler.topologySpreadConstraints.topologyKey, query_scheduler.topologySpreadConstraints.whenUnsatisfiable, rollout_operator.enabled, ruler.enabled, serviceAccount.annotations.iam.gke.io/gcp-service-account, serviceAccount.create, serviceAccount.name, store_gateway.persistentVolume.enabled, store_gateway.persistentVolume.size, store_gateway.podManagementPolicy, store_gateway.priorityClassName, store_gateway.replicas, store_gateway.resources.limits.memory, store_gateway.resources.requests.cpu, store_gateway.resources.requests.memory, store_gateway.topologySpreadConstraints.maxSkew, store_gateway.topologySpreadConstraints.topologyKey, store_gateway.topologySpreadConstraints.whenUnsatisfiable, store_gateway.zoneAwareReplication.enabled".Split(", "),
        ValuePaths.Of(Values(Prod()), "mimir.structuredConfig"));

    [Theory]
    [InlineData("prod")]
    [InlineData("staging")]
    public void TheCapacityCheckCountsWhatEachComponentsValuesAsk(string stack)
    {
        var plan = Planner.PlanStackFile(Repo.Root, stack).Plan!;
        string[] components = ["distributor", "ingester", "querier", "query_frontend", "query_scheduler", "store_gateway", "compactor", "gateway"];

        ValueRequests.Match(Addon(plan, "mimir"), components.ToDictionary(c => c.Replace('_', '-'), c => Values(plan)[c]!));
    }

    [Fact]
    public void ItWritesThroughTheClassicPathWithoutKafkaTheRolloutOperatorOrTheDemoObjectStore()
    {
        var values = Values(Prod());

        Assert.False((bool)values["kafka"]!["enabled"]!);
        Assert.False((bool)values["rollout_operator"]!["enabled"]!);
        Assert.False((bool)values["minio"]!["enabled"]!);
        Assert.False((bool)Config(Prod())["ingest_storage"]!["enabled"]!);
        Assert.True((bool)Config(Prod())["ingester"]!["push_grpc_method_enabled"]!);
        // Without the rollout-operator, the chart must not split ingesters or store-gateways into a StatefulSet per zone.
        Assert.False((bool)values["ingester"]!["zoneAwareReplication"]!["enabled"]!);
        Assert.False((bool)values["store_gateway"]!["zoneAwareReplication"]!["enabled"]!);
        // Rules and alerts live in Prometheus.
        Assert.False((bool)values["ruler"]!["enabled"]!);
        Assert.False((bool)values["alertmanager"]!["enabled"]!);
    }

    [Fact]
    public void InProdThreeIngestersKeepThreeCopiesOneToAZone()
    {
        var ingester = Values(Prod())["ingester"]!;

        Assert.Equal(3, (int)ingester["replicas"]!);
        Assert.Equal(3, (int)Config(Prod())["ingester"]!["ring"]!["replication_factor"]!);
        Assert.Equal("topology.kubernetes.io/zone", (string)ingester["topologySpreadConstraints"]!["topologyKey"]!);
        Assert.Equal("DoNotSchedule", (string)ingester["topologySpreadConstraints"]!["whenUnsatisfiable"]!);
        Assert.Equal("ScheduleAnyway", (string)Values(Prod())["querier"]!["topologySpreadConstraints"]!["whenUnsatisfiable"]!);
    }

    [Fact]
    public void InStagingOneIngesterKeepsOneCopyAndNothingIsSpread()
    {
        var staging = Planner.PlanStackFile(Repo.Root, "staging").Plan!;
        var values = Values(staging);

        Assert.Equal(1, (int)values["ingester"]!["replicas"]!);
        Assert.Equal(1, (int)Config(staging)["ingester"]!["ring"]!["replication_factor"]!);
        Assert.Null(values["ingester"]!["topologySpreadConstraints"]);
        Assert.Equal("720h", (string)Config(staging)["limits"]!["compactor_blocks_retention_period"]!);
        Assert.Equal(8, Addon(staging, "mimir").Workloads.Sum(w => w.Replicas));
    }

    [Fact]
    public void OnGkeItKeepsBlocksUnderAPrefixOfItsOwnBucketReachedThroughItsOwnIdentity()
    {
        var mimir = Addon(Prod(), "mimir");
        var blocks = Config(Prod())["blocks_storage"]!;

        // The chart's own config names S3 for blocks, so the backend must be set there, not only in common.
        Assert.Equal("gcs", (string)blocks["backend"]!);
        Assert.Equal(mimir.Bucket!.Name, (string)blocks["gcs"]!["bucket_name"]!);
        Assert.Equal(mimir.Bucket.Name, (string)Config(Prod())["common"]!["storage"]!["gcs"]!["bucket_name"]!);
        Assert.Matches("^prod-mimir-[0-9a-f]{8}$", mimir.Bucket.Name);
        Assert.Equal((395, "9480h"), (mimir.Bucket.RetentionDays, (string)Config(Prod())["limits"]!["compactor_blocks_retention_period"]!));
        Assert.Equal(mimir.Bucket.Name, mimir.Identity!.Gcp!.Bucket);
        Assert.Equal("mimir", (string)Values(Prod())["serviceAccount"]!["name"]!);
        Assert.Equal(mimir.Identity.Gcp.Email, (string)Values(Prod())["serviceAccount"]!["annotations"]!["iam.gke.io/gcp-service-account"]!);
        // Mimir refuses to start when the blocks share a bucket and prefix with the ruler's or Alertmanager's store.
        var prefixes = new[] { "blocks_storage", "ruler_storage", "alertmanager_storage" }.Select(s => (string)Config(Prod())[s]!["storage_prefix"]!);
        Assert.Equal(3, prefixes.Distinct().Count());
    }

    [Fact]
    public void OnEksItUsesItsRegionsS3EndpointWithNoKeys()
    {
        var s3 = Config(AwsProd())["blocks_storage"]!["s3"]!;

        Assert.Equal("s3", (string)Config(AwsProd())["blocks_storage"]!["backend"]!);
        Assert.Equal("s3.eu-west-1.amazonaws.com", (string)s3["endpoint"]!);
        Assert.Equal("eu-west-1", (string)s3["region"]!);
        Assert.Null(s3["access_key_id"]);
        Assert.Null(s3["secret_access_key"]);
        var mimir = Addon(AwsProd(), "mimir");
        Assert.Equal(mimir.Bucket!.Name, (string)s3["bucket_name"]!);
        Assert.Equal(("observability", "mimir"), (mimir.Identity!.Aws!.Namespace, mimir.Identity.Aws.ServiceAccount));
        Assert.Contains($"arn:aws:s3:::{mimir.Bucket.Name}", mimir.Identity.Aws.PolicyDocument, StringComparison.Ordinal);
    }

    [Fact]
    public void ItIsOffInDevAndOnAnExistingClusterWhereItHasNoBucket()
    {
        var dev = Stacks.Valid(Stacks.GcpStaging("platform:environment: dev", "platform:expiresAt: 2099-01-01"), "dev-a");
        var existing = Stacks.Valid(Stacks.Config("platform:environment: staging", "platform:cluster: { context: kind-platform }"));

        Assert.False(dev.Spec.IsEnabled("mimir"));
        Assert.False(existing.Spec.IsEnabled("mimir"));
        Assert.True(Stacks.Valid(Stacks.GcpStaging()).Spec.IsEnabled("mimir"));
    }

    [Fact]
    public void TurningItOnForAnExistingClusterIsAnErrorThatSaysWhatToDo() => Stacks.Rejects(
        Stacks.Config("platform:environment: staging", "platform:cluster: { context: kind-platform }", "platform:addons: { mimir: true }"),
        "platform:addons.mimir.enabled: true needs object storage, which the platform only makes on gcp and aws; on an existing cluster set it to false and Prometheus keeps the metrics");

    [Fact]
    public void BothPrometheusReplicasWriteUnderTheClustersTenantAndMimirKeepsOneReplicasSamples()
    {
        var remoteWrite = Assert.Single(Addon(Prod(), "prometheus").Release!.Values["prometheus"]!["prometheusSpec"]!["remoteWrite"]!.AsArray())!;
        var limits = Config(Prod())["limits"]!;
        var externalLabels = Addon(Prod(), "prometheus").Release!.Values["prometheus"]!["prometheusSpec"]!["externalLabels"]!;

        Assert.Equal("mimir", (string)remoteWrite["name"]!);
        Assert.Equal("http://mimir-gateway.observability.svc/api/v1/push", (string)remoteWrite["url"]!);
        Assert.Equal("prod", (string)remoteWrite["headers"]!["X-Scope-OrgID"]!);
        // Nothing rewrites the series on the way: the HA tracker needs the replica label to tell the two apart.
        Assert.Null(remoteWrite["writeRelabelConfigs"]);
        Assert.True((bool)Config(Prod())["distributor"]!["ha_tracker"]!["enable_ha_tracker"]!);
        Assert.True((bool)limits["accept_ha_samples"]!);
        // The cluster label is one Prometheus sets the same on both replicas; the replica label is the operator's.
        Assert.Equal("prod", (string)externalLabels[(string)limits["ha_cluster_label"]!]!);
        Assert.Equal("prometheus_replica", (string)limits["ha_replica_label"]!);
        // Mimir's own metrics carry the same cluster as everything else, whichever series leads a request.
        Assert.Equal("prod", (string)Values(Prod())["metaMonitoring"]!["serviceMonitor"]!["clusterLabel"]!);
        var withoutMimir = Stacks.Valid(Stacks.GcpStaging("platform:addons: { mimir: false }"));
        Assert.Null(Addon(withoutMimir, "prometheus").Release!.Values["prometheus"]!["prometheusSpec"]!["remoteWrite"]);
    }

    [Fact]
    public void ItsLimitsAndIngestersAreSizedForWhatPrometheusHolds()
    {
        var limits = Config(Prod())["limits"]!;
        var ingester = Values(Prod())["ingester"]!;

        // Mimir's own defaults (150 000 series, 10 000 samples a second) would refuse most of a cluster's metrics.
        Assert.Equal(1_000_000, (int)limits["max_global_series_per_user"]!);
        Assert.Equal(100_000, (int)limits["ingestion_rate"]!);
        Assert.True((int)limits["ingestion_burst_size"]! >= (int)limits["ingestion_rate"]!);
        Assert.Equal(500_000, (int)Config(Planner.PlanStackFile(Repo.Root, "staging").Plan!)["limits"]!["max_global_series_per_user"]!);
        // Each ingester holds a copy of every series: at least as much memory as a Prometheus replica.
        Assert.Equal(("8Gi", "12Gi"), ((string)ingester["resources"]!["requests"]!["memory"]!, (string)ingester["resources"]!["limits"]!["memory"]!));
        Assert.Equal(8m, Addon(Prod(), "mimir").Workloads.Single(w => w.Name == "ingester").PerPod.MemoryGiB);
        Assert.All(new[] { "distributor", "ingester", "querier", "store_gateway", "compactor", "gateway" }, c => Assert.Equal("platform", (string)Values(Prod())[c]!["priorityClassName"]!));
        Assert.Equal("Parallel", (string)Values(Prod())["store_gateway"]!["podManagementPolicy"]!);
    }

    [Fact]
    public void AlloySendsOtlpMetricsToItsOtlpEndpointAsTheSameTenant()
    {
        var config = Alloy.Config(Prod().Spec);

        Assert.Contains("metrics = [otelcol.exporter.otlphttp.mimir.input]", config, StringComparison.Ordinal);
        Assert.Contains("endpoint = \"http://mimir-gateway.observability.svc/otlp\"", config, StringComparison.Ordinal);
        Assert.Contains("\"X-Scope-OrgID\" = \"prod\"", config, StringComparison.Ordinal);
        Assert.EndsWith("}\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTempoAlloyStillTakesOtlpForMetricsAndTenantsMayStillSendIt()
    {
        const string Tenant = "platform:tenants:\n  payments: { quota: { cpu: \"2\", memory: 4Gi } }";
        var plan = Stacks.Valid(Stacks.GcpStaging("platform:addons: { tempo: false }", Tenant));
        var config = Alloy.Config(plan.Spec);

        Assert.DoesNotContain("traces", config, StringComparison.Ordinal);
        Assert.Contains("metrics = [otelcol.processor.k8sattributes.apps.input]", config, StringComparison.Ordinal);
        Assert.Equal([4317, 4318], Addon(plan, "alloy").Release!.Values["alloy"]!["extraPorts"]!.AsArray().Select(p => (int)p!["port"]!));
        Assert.Contains(plan.Manifests.SelectMany(b => b.Objects), o => (string)o["metadata"]!["name"]! == "allow-otlp-to-collector");
        var neither = Stacks.Valid(Stacks.GcpStaging("platform:addons: { tempo: false, mimir: false }", Tenant));
        Assert.DoesNotContain("otelcol", Alloy.Config(neither.Spec), StringComparison.Ordinal);
        Assert.DoesNotContain(neither.Manifests.SelectMany(b => b.Objects), o => (string)o["metadata"]!["name"]! == "allow-otlp-to-collector");
    }

    [Fact]
    public void GrafanaQueriesItsPrometheusApiAsTheSameTenant()
    {
        var mimir = Grafana.DatasourcesOf(Prod().Spec).Single(d => (string)d["uid"]! == "mimir");

        Assert.Equal("prometheus", (string)mimir["type"]!);
        Assert.Equal("http://mimir-gateway.observability.svc/prometheus", (string)mimir["url"]!);
        Assert.Equal("X-Scope-OrgID", (string)mimir["jsonData"]!["httpHeaderName1"]!);
        Assert.Equal("prod", (string)mimir["secureJsonData"]!["httpHeaderValue1"]!);
        Assert.True((bool)Values(Prod())["metaMonitoring"]!["serviceMonitor"]!["enabled"]!);
    }
}
