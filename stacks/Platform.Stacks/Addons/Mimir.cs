using System.Text.Json.Nodes;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Mimir, for long-term metrics: Prometheus remote-writes every sample to it, and Grafana queries it for the months
/// Prometheus does not keep. It runs in microservices mode (the <c>mimir-distributed</c> chart) with its blocks in a
/// bucket of its own, reached through its own cloud identity, so it needs GKE or EKS.
/// <para>
/// It uses Mimir's classic write path, distributors to ingesters: the chart's default ingest storage needs a
/// production-grade Kafka, which the platform does not run (the chart's bundled one is for demos). In HA mode three
/// ingesters keep three copies of every series, spread one to a zone, so losing a zone loses no samples. The ingesters
/// are one StatefulSet rather than a StatefulSet per zone: per-zone StatefulSets need the rollout-operator, whose
/// admission webhooks listen on a port a private GKE control plane cannot reach.
/// </para>
/// Alerting rules stay in Prometheus, so Mimir's ruler and Alertmanager are off.
/// </summary>
public sealed class Mimir : BucketBackedAddon
{
    /// <summary>The datasource uid.</summary>
    public const string DatasourceUid = "mimir";

    /// <summary>The remote-write queue's name in Prometheus, which its metrics and alerts carry as <c>remote_name</c>.</summary>
    public const string RemoteWriteName = "mimir";

    /// <summary>How Mimir is sized in a profile, after the Prometheus it takes samples from.</summary>
    /// <param name="Series">Active series the cluster's tenant may have; about what its Prometheus holds.</param>
    /// <param name="SamplesPerSecond">Samples per second the tenant may write, with room above one per series per 30s scrape.</param>
    /// <param name="IngesterMemoryGiB">Memory request of each ingester, which holds every series (one copy each); its limit is 1.5 times this.</param>
    public sealed record Sizing(int Series, int SamplesPerSecond, int IngesterMemoryGiB);

    /// <summary>The sizes per profile, which the README's table states.</summary>
    public static Sizing SizeFor(EnvironmentProfile profile) => profile switch
    {
        EnvironmentProfile.Prod => new(1_000_000, 100_000, 8),
        _ => new(500_000, 50_000, 4),
    };

    /// <inheritdoc />
    public override string Name => "mimir";

    /// <inheritdoc />
    public override string Release => "mimir";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("mimir-distributed", "https://grafana.github.io/helm-charts", "6.2.0");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <summary>On in staging and prod on GKE and EKS; dev relies on Prometheus alone, and an existing cluster has no bucket.</summary>
    public override bool EnabledByDefault(EnvironmentProfile profile, CloudKind cloud) =>
        cloud != CloudKind.Existing && SharedOnly.Contains(profile);

    /// <inheritdoc />
    public override int RetentionDays(EnvironmentProfile profile) => profile switch
    {
        EnvironmentProfile.Dev => 7,
        EnvironmentProfile.Staging => 30,
        _ => 395,
    };

    /// <summary>The tenant every sample of this cluster is written under: the cluster's name.</summary>
    public static string Tenant(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Cluster.Name;
    }

    /// <summary>Where Prometheus remote-writes: the chart's gateway.</summary>
    public string PushUrl => $"{GatewayUrl}/api/v1/push";

    /// <summary>Where Alloy sends OTLP metrics; the exporter adds <c>/v1/metrics</c>.</summary>
    public string OtlpUrl => $"{GatewayUrl}/otlp";

    /// <summary>Ingesters, and copies of every series: three in HA mode, else one.</summary>
    public static int Ingesters(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Replicas(3);
    }

    /// <inheritdoc />
    public override void Validate(AddonContext context, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (context.Cloud == CloudKind.Existing)
        {
            diagnostics.Error(
                $"platform:addons.{Name}.enabled",
                "true needs object storage, which the platform only makes on gcp and aws; on an existing cluster set it to false and Prometheus keeps the metrics");
        }
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var ingesters = Ingesters(context);
        var zoned = context.HighAvailability;
        var size = SizeFor(spec.Environment);
        var ingesterMemory = $"{size.IngesterMemoryGiB}Gi";
        var ingesterLimit = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{size.IngesterMemoryGiB * 3 / 2}Gi");
        var values = new JsonObject
        {
            ["serviceAccount"] = ServiceAccountValues(context),
            ["mimir"] = new JsonObject { ["structuredConfig"] = Config(context, ingesters) },
            // The classic write path: no Kafka, no rollout-operator, no demo object store.
            ["kafka"] = new JsonObject { ["enabled"] = false },
            ["rollout_operator"] = new JsonObject { ["enabled"] = false },
            ["minio"] = new JsonObject { ["enabled"] = false },
            ["alertmanager"] = new JsonObject { ["enabled"] = false },
            ["ruler"] = new JsonObject { ["enabled"] = false },
            ["overrides_exporter"] = new JsonObject { ["enabled"] = false },
            ["distributor"] = Component(context.Replicas(), "200m", "512Mi", "1Gi", zoned, required: false),
            ["ingester"] = OneStatefulSet(Stateful(ingesters, "500m", ingesterMemory, ingesterLimit, "20Gi", zoned, required: zoned)),
            ["querier"] = Component(context.Replicas(), "200m", "512Mi", "1Gi", zoned, required: false),
            ["query_frontend"] = Component(context.Replicas(), "100m", "256Mi", "512Mi", zoned, required: false),
            ["query_scheduler"] = Component(context.Replicas(), "50m", "128Mi", "256Mi", zoned, required: false),
            ["store_gateway"] = OneStatefulSet(Stateful(context.Replicas(3), "100m", "512Mi", "1Gi", "10Gi", zoned, required: false)),
            ["compactor"] = Stateful(1, "100m", "512Mi", "1Gi", "20Gi", zoned: false, required: false),
            ["gateway"] = Component(context.Replicas(), "50m", "64Mi", "128Mi", zoned, required: false),
            ["metaMonitoring"] = new JsonObject
            {
                // The chart labels its own metrics with cluster="<release>" unless told otherwise; they must carry the
                // same cluster as Prometheus' external label, which the HA tracker reads from a request's first series.
                ["serviceMonitor"] = new JsonObject { ["enabled"] = true, ["clusterLabel"] = spec.Cluster.Name },
                ["dashboards"] = new JsonObject
                {
                    ["enabled"] = spec.IsEnabled("grafana"),
                    ["annotations"] = new JsonObject { [Grafana.FolderAnnotation] = "Mimir" },
                },
            },
        };

        // Start store-gateways together rather than one after another, each waiting for the ring, so a first install
        // fits in Helm's wait.
        values["store_gateway"]!["podManagementPolicy"] = "Parallel";
        foreach (var component in new[] { "distributor", "ingester", "querier", "query_frontend", "query_scheduler", "store_gateway", "compactor", "gateway" })
        {
            values[component]!["priorityClassName"] = Manifests.PriorityClasses.Platform;
        }

        return values;
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Datasources(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            new JsonObject
            {
                ["name"] = "Mimir",
                ["uid"] = DatasourceUid,
                ["type"] = "prometheus",
                ["access"] = "proxy",
                ["url"] = $"{GatewayUrl}/prometheus",
                ["jsonData"] = new JsonObject { ["httpHeaderName1"] = AddonCatalog.TenantHeader, ["prometheusType"] = "Mimir" },
                ["secureJsonData"] = new JsonObject { ["httpHeaderValue1"] = Tenant(context.Spec) },
                ["editable"] = false,
            },
        ];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var replicas = context.Replicas();
        return
        [
            Workload.Pods("distributor", replicas, 0.2m, 512),
            Workload.Pods("ingester", Ingesters(context), 0.5m, SizeFor(context.Spec.Environment).IngesterMemoryGiB * 1024),
            Workload.Pods("querier", replicas, 0.2m, 512),
            Workload.Pods("query-frontend", replicas, 0.1m, 256),
            Workload.Pods("query-scheduler", replicas, 0.05m, 128),
            Workload.Pods("store-gateway", context.Replicas(3), 0.1m, 512),
            Workload.Pods("compactor", 1, 0.1m, 512),
            Workload.Pods("gateway", replicas, 0.05m, 64),
        ];
    }

    private string GatewayUrl => $"http://{Release}-gateway.{Namespace}.svc";

    /// <summary>Mimir's own configuration, merged over the chart's.</summary>
    private JsonObject Config(AddonContext context, int ingesters)
    {
        if (Bucket(context) is not { } bucket)
        {
            // Only on a stack that fails validation: no region, or an existing cluster (see Validate).
            return [];
        }

        var store = context.Cloud == CloudKind.Aws
            // No keys: the AWS SDK picks up the Pod Identity credentials.
            ? new JsonObject { ["bucket_name"] = bucket.Name, ["endpoint"] = $"s3.{bucket.Location}.amazonaws.com", ["region"] = bucket.Location }
            : new JsonObject { ["bucket_name"] = bucket.Name };
        var backend = context.Cloud == CloudKind.Aws ? "s3" : "gcs";

        // The chart's own config names an S3 blocks store, so the backend is set where the blocks are, not only in
        // common. Each store keeps its own prefix in the one bucket.
        return new JsonObject
        {
            ["common"] = new JsonObject { ["storage"] = new JsonObject { ["backend"] = backend, [backend] = store } },
            ["blocks_storage"] = new JsonObject { ["backend"] = backend, [backend] = store.DeepClone(), ["storage_prefix"] = "blocks" },
            ["ruler_storage"] = new JsonObject { ["storage_prefix"] = "ruler" },
            ["alertmanager_storage"] = new JsonObject { ["storage_prefix"] = "alertmanager" },
            ["ingest_storage"] = new JsonObject { ["enabled"] = false },
            ["ingester"] = new JsonObject
            {
                ["push_grpc_method_enabled"] = true,
                ["ring"] = new JsonObject { ["replication_factor"] = ingesters },
            },
            // Both Prometheus replicas write every sample; the HA tracker (on memberlist, like the rings) keeps one
            // replica's, fails over when it goes quiet, and drops the replica label.
            ["distributor"] = new JsonObject { ["ha_tracker"] = new JsonObject { ["enable_ha_tracker"] = true } },
            ["limits"] = new JsonObject
            {
                ["compactor_blocks_retention_period"] = $"{RetentionDays(context.Spec.Environment) * 24}h",
                ["accept_ha_samples"] = true,
                ["ha_cluster_label"] = Prometheus.ClusterLabel,
                ["ha_replica_label"] = Prometheus.ReplicaLabel,
                // Mimir's defaults (150 000 series, 10 000 samples a second) are far below what a cluster writes.
                ["max_global_series_per_user"] = SizeFor(context.Spec.Environment).Series,
                ["ingestion_rate"] = SizeFor(context.Spec.Environment).SamplesPerSecond,
                ["ingestion_burst_size"] = SizeFor(context.Spec.Environment).SamplesPerSecond * 10,
            },
            ["usage_stats"] = new JsonObject { ["enabled"] = false },
        };
    }

    private static JsonObject Component(int replicas, string cpu, string memory, string limit, bool zoned, bool required)
    {
        var component = new JsonObject
        {
            ["replicas"] = replicas,
            ["resources"] = ValueParts.Resources(cpu, memory, limit),
        };
        if (zoned)
        {
            // The chart fills in the selector of its own pods.
            component["topologySpreadConstraints"] = new JsonObject
            {
                ["maxSkew"] = 1,
                ["topologyKey"] = "topology.kubernetes.io/zone",
                ["whenUnsatisfiable"] = required ? "DoNotSchedule" : "ScheduleAnyway",
            };
        }

        return component;
    }

    private static JsonObject Stateful(int replicas, string cpu, string memory, string limit, string volume, bool zoned, bool required)
    {
        var component = Component(replicas, cpu, memory, limit, zoned, required);
        component["persistentVolume"] = new JsonObject { ["enabled"] = true, ["size"] = volume };
        return component;
    }

    /// <summary>
    /// Turns off the chart's StatefulSet per zone, which the rollout-operator would have to roll; the spread
    /// constraint places the pods instead.
    /// </summary>
    private static JsonObject OneStatefulSet(JsonObject component)
    {
        component["zoneAwareReplication"] = new JsonObject { ["enabled"] = false };
        return component;
    }
}
