using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Tempo, for traces, as one binary (the <c>tempo</c> chart) that receives OTLP from Alloy. On GKE and EKS it keeps
/// its blocks in a bucket of its own, reached through its own cloud identity; on an existing cluster, on its volume.
/// Its write-ahead log is on a volume everywhere. Tempo 3's distributed mode needs a Kafka-compatible queue between
/// its distributors and its block builders, which the platform does not run, so the distributed chart is not used.
/// Its metrics generator writes service graphs and span metrics to Prometheus.
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

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

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
        var bucket = Bucket(context);
        var trace = (context.Cloud, bucket) switch
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
        trace["wal"] = new JsonObject { ["path"] = "/var/tempo/wal" };

        return new JsonObject
        {
            ["replicas"] = 1,
            ["tempo"] = new JsonObject
            {
                ["retention"] = $"{RetentionDays(spec.Environment) * 24}h",
                ["reportingEnabled"] = false,
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
                // Service graphs and span metrics, remote-written to Prometheus: Grafana's service map and node graph
                // read them.
                ["metricsGenerator"] = new JsonObject
                {
                    ["enabled"] = true,
                    ["remoteWriteUrl"] = Prometheus.RemoteWriteReceiver,
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
            ["serviceAccount"] = ServiceAccountValues(context),
            ["serviceMonitor"] = new JsonObject { ["enabled"] = spec.IsEnabled("prometheus") },
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

        return
        [
            new JsonObject
            {
                ["name"] = "Tempo",
                ["uid"] = DatasourceUid,
                ["type"] = "tempo",
                ["access"] = "proxy",
                ["url"] = $"http://{Release}.{Namespace}.svc:3200",
                ["jsonData"] = jsonData,
                ["editable"] = false,
            },
        ];
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context) => [Workload.Pods("tempo", 1, 0.2m, 1024)];
}
