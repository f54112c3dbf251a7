using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Tempo, for traces, receiving OTLP from Alloy. In HA mode it runs distributed (the <c>tempo-distributed</c>
/// chart): distributors write spans to a Kafka topic (see <see cref="Kafka"/>), from which block-builders write
/// blocks, live-stores answer queries for recent spans and the metrics generator reads; querier and query-frontend
/// read both. Elsewhere it is one binary (the <c>tempo</c> chart) with its write-ahead log on a volume. On GKE and EKS
/// it keeps its blocks in a bucket of its own, reached through its own cloud identity; on an existing cluster, on its
/// volume. Its metrics generator writes service graphs and span metrics to Prometheus.
/// Grafana's Tempo datasource links a span to its logs in Loki and to its namespace's resource use in Prometheus.
/// </summary>
public sealed class Tempo : BucketBackedAddon
{

    /// <summary>The datasource uid.</summary>
    public const string DatasourceUid = "tempo";

    /// <summary>The OTLP gRPC port Tempo and Alloy listen on.</summary>
    public const int OtlpGrpc = 4317;

    /// <summary>The OTLP HTTP port Tempo and Alloy listen on.</summary>
    public const int OtlpHttp = 4318;

    /// <inheritdoc />
    public override string Name => "tempo";

    /// <inheritdoc />
    public override string Release => "tempo";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("tempo", "https://grafana-community.github.io/helm-charts", "2.2.4");

    /// <summary>The chart of the distributed mode, used in HA mode.</summary>
    public ChartRef DistributedChart { get; } = new("tempo-distributed", "https://grafana-community.github.io/helm-charts", "3.3.0");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <summary>In distributed mode its topic must exist first.</summary>
    public override IReadOnlyList<string> After { get; } = ["kafka"];

    /// <summary>
    /// Whether Tempo runs distributed in a stack: when it is on in HA mode on GKE or EKS. Its components share blocks
    /// only through a bucket, so on an existing cluster it stays one binary on its volume.
    /// </summary>
    public static bool Distributed(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Cloud != CloudKind.Existing && spec.Addons.Any(a => a.Name == "tempo" && a.Enabled && a.HighAvailability);
    }

    /// <summary>Where Alloy sends OTLP traces (gRPC): the distributors, or the one binary.</summary>
    public string OtlpEndpoint(PlatformSpec spec) =>
        $"{(Distributed(spec) ? $"{Release}-distributor" : Release)}.{Namespace}.svc:{OtlpGrpc}";

    /// <inheritdoc />
    public override void Validate(AddonContext context, Diagnostics.DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (Distributed(context.Spec) && !context.Spec.IsEnabled("kafka"))
        {
            diagnostics.Error(
                $"platform:addons.{Name}.ha",
                "true runs Tempo distributed, which needs kafka, which is disabled; enable platform:addons.kafka or set ha to false for one binary");
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<HelmReleasePlan> Releases(AddonContext context, IReadOnlyList<string> dependsOn)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Distributed(context.Spec)
            ? [new HelmReleasePlan(Release, Name, Namespace, DistributedChart, dependsOn, DistributedValues(context))]
            : base.Releases(context, dependsOn);
    }

    /// <inheritdoc />
    public override IReadOnlyList<EnvironmentProfile> DefaultIn => SharedOnly;

    /// <inheritdoc />
    public override int RetentionDays(EnvironmentProfile profile) => profile switch
    {
        EnvironmentProfile.Dev => 3,
        EnvironmentProfile.Staging => 7,
        _ => 14,
    };

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var trace = TraceStorage(context);
        trace["wal"] = new JsonObject { ["path"] = "/var/tempo/wal" };

        return new JsonObject
        {
            ["replicas"] = 1,
            ["tempo"] = new JsonObject
            {
                ["retention"] = $"{RetentionDays(spec.Environment) * 24}h",
                ["reportingEnabled"] = false,
                // Spans are kept per tenant id, which Alloy sets (see Alloy.Config).
                ["multitenancyEnabled"] = true,
                ["storage"] = new JsonObject { ["trace"] = trace },
                // OTLP from Alloy. The chart's Jaeger receivers stay: its port template needs them, and a null would
                // not survive the trip to Helm anyway.
                ["receivers"] = new JsonObject
                {
                    ["otlp"] = new JsonObject
                    {
                        ["protocols"] = new JsonObject
                        {
                            ["grpc"] = new JsonObject { ["endpoint"] = $"0.0.0.0:{OtlpGrpc}" },
                            ["http"] = new JsonObject { ["endpoint"] = $"0.0.0.0:{OtlpHttp}" },
                        },
                    },
                },
                ["resources"] = ValueParts.Resources("200m", "1Gi", "2Gi"),
                // Service graphs and span metrics, remote-written to every Prometheus replica: Grafana's service map
                // and node graph read them.
                ["metricsGenerator"] = new JsonObject
                {
                    ["enabled"] = true,
                    ["storage"] = new JsonObject { ["remote_write"] = RemoteWrites(spec) },
                    ["registry"] = TenantLabel(),
                },
                ["overrides"] = new JsonObject
                {
                    ["defaults"] = new JsonObject
                    {
                        ["metrics_generator"] = new JsonObject { ["processors"] = Manifests.Kube.Strings("service-graphs", "span-metrics") },
                    },
                },
            },
            ["persistence"] = new JsonObject { ["enabled"] = true, ["size"] = "10Gi" },
            ["priorityClassName"] = Manifests.PriorityClasses.Platform,
            ["serviceAccount"] = ServiceAccountValues(context),
            ["serviceMonitor"] = new JsonObject { ["enabled"] = spec.IsEnabled("prometheus") },
        };
    }

    /// <summary>
    /// The distributed chart's values: spans through Kafka, blocks to the bucket, every component spread over zones
    /// (the chart's default) and at least two of each stateless one.
    /// </summary>
    public JsonObject DistributedValues(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var kafka = (Kafka)AddonCatalog.Get("kafka");
        return new JsonObject
        {
            ["global"] = new JsonObject { ["priorityClassName"] = Manifests.PriorityClasses.Platform },
            ["reportingEnabled"] = false,
            ["multitenancyEnabled"] = true,
            ["serviceAccount"] = ServiceAccountValues(context),
            ["storage"] = new JsonObject { ["trace"] = TraceStorage(context) },
            ["ingest"] = new JsonObject
            {
                ["kafka"] = new JsonObject
                {
                    ["address"] = kafka.Bootstrap,
                    ["topic"] = Kafka.TempoTopic,
                    // The topic is a KafkaTopic with its partitions and copies; Tempo must not make its own.
                    ["auto_create_topic_enabled"] = false,
                    ["auto_create_topic_default_partitions"] = Kafka.TempoPartitions,
                },
            },
            ["traces"] = new JsonObject
            {
                ["otlp"] = new JsonObject
                {
                    ["grpc"] = new JsonObject { ["enabled"] = true },
                    ["http"] = new JsonObject { ["enabled"] = true },
                },
            },
            ["distributor"] = Component(2, "200m", "256Mi", "1Gi"),
            // One block-builder and one live-store per partition of the topic.
            ["blockBuilder"] = Component(Kafka.TempoPartitions, "200m", "512Mi", "2Gi"),
            ["liveStore"] = Component(Kafka.TempoPartitions, "200m", "1Gi", "2Gi"),
            ["querier"] = Component(2, "200m", "512Mi", "2Gi"),
            ["queryFrontend"] = Component(2, "100m", "256Mi", "1Gi"),
            // Compaction and retention: the scheduler hands out jobs, the worker runs them.
            ["backendScheduler"] = new JsonObject
            {
                ["resources"] = ValueParts.Resources("50m", "128Mi", "512Mi"),
                ["config"] = new JsonObject
                {
                    ["provider"] = new JsonObject
                    {
                        ["compaction"] = new JsonObject
                        {
                            ["compaction"] = new JsonObject { ["block_retention"] = $"{RetentionDays(spec.Environment) * 24}h" },
                        },
                    },
                },
            },
            ["backendWorker"] = Component(1, "200m", "512Mi", "2Gi"),
            ["metricsGenerator"] = new JsonObject
            {
                ["enabled"] = true,
                ["replicas"] = 2,
                ["resources"] = ValueParts.Resources("200m", "512Mi", "2Gi"),
                ["config"] = new JsonObject
                {
                    ["storage"] = new JsonObject
                    {
                        ["remote_write"] = RemoteWrites(spec),
                    },
                    ["registry"] = TenantLabel(),
                },
            },
            ["memcached"] = new JsonObject { ["resources"] = ValueParts.Resources("50m", "128Mi", "256Mi") },
            ["overrides"] = new JsonObject
            {
                ["defaults"] = new JsonObject
                {
                    ["metrics_generator"] = new JsonObject { ["processors"] = Manifests.Kube.Strings("service-graphs", "span-metrics") },
                },
            },
            ["metaMonitoring"] = new JsonObject { ["serviceMonitor"] = new JsonObject { ["enabled"] = spec.IsEnabled("prometheus") } },
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Datasources(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        // A span links to its namespace's resource use; "$$" keeps Grafana's provisioning from expanding the
        // query's variable as an environment variable. The service map reads the metrics generator's graphs.
        var jsonData = new JsonObject
        {
            ["nodeGraph"] = new JsonObject { ["enabled"] = true },
            ["serviceMap"] = new JsonObject { ["datasourceUid"] = Prometheus.DatasourceUid },
            ["tracesToMetrics"] = new JsonObject
            {
                ["datasourceUid"] = Prometheus.DatasourceUid,
                ["spanStartTimeShift"] = "-5m",
                ["spanEndTimeShift"] = "5m",
                ["tags"] = new JsonArray(new JsonObject { ["key"] = "k8s.namespace.name", ["value"] = "namespace" }),
                ["queries"] = new JsonArray(
                    new JsonObject { ["name"] = "CPU (cores)", ["query"] = "sum(rate(container_cpu_usage_seconds_total{$$__tags,container!=\"\"}[5m]))" },
                    new JsonObject { ["name"] = "Memory (bytes)", ["query"] = "sum(container_memory_working_set_bytes{$$__tags,container!=\"\"})" }),
            },
        };
        if (spec.IsEnabled("loki"))
        {
            jsonData["tracesToLogsV2"] = new JsonObject
            {
                ["datasourceUid"] = Loki.DatasourceUid,
                ["filterByTraceID"] = true,
                ["spanStartTimeShift"] = "-5m",
                ["spanEndTimeShift"] = "5m",
                ["tags"] = new JsonArray(new JsonObject { ["key"] = "k8s.namespace.name", ["value"] = "namespace" }),
            };
            jsonData["lokiSearch"] = new JsonObject { ["datasourceUid"] = Loki.DatasourceUid };
        }

        // Traces are kept per tenant, like logs: one datasource over every tenant, one per tenant.
        jsonData["httpHeaderName1"] = AddonCatalog.TenantHeader;
        var tenants = spec.Tenants.Select(t => t.Name).ToList();
        // The query-frontend in distributed mode, else the one binary; both serve the API on 3200.
        var url = $"http://{(Distributed(spec) ? $"{Release}-query-frontend" : Release)}.{Namespace}.svc:3200";
        var datasources = new List<JsonObject> { Datasource("Tempo", DatasourceUid, url, string.Join("|", [Loki.PlatformTenant, .. tenants]), jsonData) };
        datasources.AddRange(tenants.Select(t => Datasource($"Tempo ({t})", $"{DatasourceUid}-{t}", url, t, ForTenant(jsonData, t))));
        return datasources;
    }

    /// <summary>A tenant's datasource links a span to that tenant's logs only.</summary>
    private static JsonObject ForTenant(JsonObject jsonData, string tenant)
    {
        var own = jsonData.DeepClone().AsObject();
        foreach (var link in new[] { "tracesToLogsV2", "lokiSearch" }.Where(own.ContainsKey))
        {
            own[link]!["datasourceUid"] = $"{Loki.DatasourceUid}-{tenant}";
        }

        return own;
    }

    private static JsonObject Datasource(string name, string uid, string url, string tenant, JsonObject jsonData) => new()
    {
        ["name"] = name,
        ["uid"] = uid,
        ["type"] = "tempo",
        ["access"] = "proxy",
        ["url"] = url,
        ["jsonData"] = jsonData.DeepClone(),
        ["secureJsonData"] = new JsonObject { ["httpHeaderValue1"] = tenant },
        ["editable"] = false,
    };

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Distributed(context.Spec)
            ?
            [
                Workload.Pods("distributor", 2, 0.2m, 256),
                Workload.Pods("block-builder", Kafka.TempoPartitions, 0.2m, 512),
                Workload.Pods("live-store", Kafka.TempoPartitions, 0.2m, 1024),
                Workload.Pods("querier", 2, 0.2m, 512),
                Workload.Pods("query-frontend", 2, 0.1m, 256),
                Workload.Pods("backend-scheduler", 1, 0.05m, 128),
                Workload.Pods("backend-worker", 1, 0.2m, 512),
                Workload.Pods("metrics-generator", 2, 0.2m, 512),
                Workload.Pods("memcached", 1, 0.05m, 128),
            ]
            : [Workload.Pods("tempo", 1, 0.2m, 1024)];
    }

    /// <summary>Where the blocks go: its bucket on GKE and EKS, its volume on an existing cluster.</summary>
    private JsonObject TraceStorage(AddonContext context) => (context.Cloud, Bucket(context)) switch
    {
        (CloudKind.Gcp, { } gcs) => new JsonObject { ["backend"] = "gcs", ["gcs"] = new JsonObject { ["bucket_name"] = gcs.Name } },
        // No keys: the AWS SDK picks up the Pod Identity credentials.
        (CloudKind.Aws, { } s3) => new JsonObject
        {
            ["backend"] = "s3",
            ["s3"] = new JsonObject { ["bucket"] = s3.Name, ["endpoint"] = $"s3.{s3.Location}.amazonaws.com", ["region"] = s3.Location },
        },
        _ => new JsonObject { ["backend"] = "local", ["local"] = new JsonObject { ["path"] = "/var/tempo/traces" } },
    };

    /// <summary>
    /// The metrics generator writes to every Prometheus replica, so each holds the service graphs and span metrics
    /// (one replica alone would answer Grafana with half of them, and Mimir keeps only one replica's samples).
    /// </summary>
    private static JsonArray RemoteWrites(PlatformSpec spec) =>
        new([.. Prometheus.RemoteWriteReceivers(spec).Select(url => (JsonNode)new JsonObject { ["url"] = url })]);

    /// <summary>
    /// The generator keeps a registry per tenant; a <c>tenant</c> label on what it writes keeps two tenants' series for
    /// the same service apart in Prometheus.
    /// </summary>
    private static JsonObject TenantLabel() => new() { ["inject_tenant_id_as"] = "tenant" };

    private static JsonObject Component(int replicas, string cpu, string memory, string limit) => new()
    {
        ["replicas"] = replicas,
        ["resources"] = ValueParts.Resources(cpu, memory, limit),
    };
}
