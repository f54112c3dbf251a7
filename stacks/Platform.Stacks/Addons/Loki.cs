using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Loki, for logs, multi-tenant: each tenant's logs under its own tenant id (its namespace), the platform's under
/// <see cref="PlatformTenant"/>. On GKE and EKS it keeps chunks and index in its own bucket, reached through its own
/// cloud identity: one binary in dev, the simple scalable mode (write, read and backend targets) elsewhere, three of
/// each with three copies of every stream in HA mode. On an existing cluster it is one binary on a volume. The
/// compactor enforces the retention per profile; the bucket's lifecycle rule is only a backstop. Grafana gets a
/// datasource that reads every tenant, and one per tenant.
/// </summary>
public sealed class Loki : BucketBackedAddon
{
    /// <summary>The tenant id of logs from the platform's own namespaces.</summary>
    public const string PlatformTenant = "platform";

    /// <summary>The first day of the index schema; fixed forever once data exists.</summary>
    public const string SchemaFrom = "2026-01-01";

    /// <summary>The datasource uid of the view over every tenant.</summary>
    public const string DatasourceUid = "loki";

    /// <inheritdoc />
    public override string Name => "loki";

    /// <inheritdoc />
    public override string Release => "loki";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("loki", "https://grafana-community.github.io/helm-charts", "18.11.0");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <inheritdoc />
    public override int RetentionDays(EnvironmentProfile profile) => profile switch
    {
        EnvironmentProfile.Dev => 7,
        EnvironmentProfile.Staging => 14,
        _ => 30,
    };

    /// <summary>
    /// The chart's deployment mode: <c>SimpleScalable</c> on a cloud outside dev (it needs object storage), else
    /// <c>Monolithic</c>, one binary.
    /// </summary>
    public static string Mode(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Cloud != CloudKind.Existing && context.Spec.Environment != EnvironmentProfile.Dev ? "SimpleScalable" : "Monolithic";
    }

    /// <summary>Replicas of each simple-scalable target, and copies of each stream: three in HA mode, else one.</summary>
    public static int Scale(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Replicas(3);
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var bucket = Bucket(context);
        var store = context.Cloud switch { CloudKind.Gcp => "gcs", CloudKind.Aws => "s3", _ => "filesystem" };
        var monolithic = Mode(context) == "Monolithic";
        var scale = monolithic ? 1 : Scale(context);
        var storage = new JsonObject { ["type"] = store };
        if (bucket is not null)
        {
            storage["bucketNames"] = new JsonObject { ["chunks"] = bucket.Name, ["ruler"] = bucket.Name };
        }

        if (context.Cloud == CloudKind.Aws)
        {
            // No keys: the AWS SDK picks up the Pod Identity credentials.
            storage["s3"] = new JsonObject { ["region"] = spec.Cluster.Region };
        }

        var retention = $"{RetentionDays(spec.Environment) * 24}h";
        return new JsonObject
        {
            ["deploymentMode"] = Mode(context),
            ["loki"] = new JsonObject
            {
                ["auth_enabled"] = true,
                ["commonConfig"] = new JsonObject { ["replication_factor"] = scale },
                ["schemaConfig"] = new JsonObject
                {
                    ["configs"] = new JsonArray(new JsonObject
                    {
                        ["from"] = SchemaFrom,
                        ["store"] = "tsdb",
                        ["object_store"] = store,
                        ["schema"] = "v13",
                        ["index"] = new JsonObject { ["prefix"] = "index_", ["period"] = "24h" },
                    }),
                },
                ["storage"] = storage,
                ["limits_config"] = new JsonObject { ["retention_period"] = retention },
                ["compactor"] = new JsonObject { ["retention_enabled"] = true, ["delete_request_store"] = store },
                // The platform's datasource reads every tenant in one query.
                ["querier"] = new JsonObject { ["multi_tenant_queries_enabled"] = true },
            },
            ["serviceAccount"] = ServiceAccountValues(context),
            // Every pod at the platform's priority, so tenant pods cannot preempt the log store.
            ["global"] = new JsonObject { ["priorityClassName"] = Manifests.PriorityClasses.Platform },
            ["singleBinary"] = new JsonObject
            {
                ["replicas"] = monolithic ? 1 : 0,
                ["resources"] = ValueParts.Resources("200m", "512Mi", "1Gi"),
                ["persistence"] = new JsonObject { ["enabled"] = true, ["size"] = "10Gi" },
            },
            ["write"] = Target(monolithic ? 0 : scale, "200m", "512Mi", "1Gi"),
            ["read"] = Target(monolithic ? 0 : scale, "200m", "512Mi", "1Gi"),
            ["backend"] = Target(monolithic ? 0 : scale, "100m", "256Mi", "512Mi"),
            ["gateway"] = new JsonObject
            {
                ["enabled"] = true,
                ["replicas"] = context.Replicas(),
                ["resources"] = ValueParts.Resources("50m", "64Mi", "128Mi"),
            },
            // The memcached caches ask for gigabytes each; the platform's volumes do without them.
            ["chunksCache"] = new JsonObject { ["enabled"] = false },
            ["resultsCache"] = new JsonObject { ["enabled"] = false },
            // Alerting rules live in Prometheus; the ruler would keep rule groups in the bucket, whose lifecycle
            // backstop could delete them.
            ["ruler"] = new JsonObject { ["enabled"] = false },
            ["lokiCanary"] = new JsonObject { ["enabled"] = false },
            ["test"] = new JsonObject { ["enabled"] = false },
            ["monitoring"] = new JsonObject { ["serviceMonitor"] = new JsonObject { ["enabled"] = true } },
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Datasources(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenants = context.Spec.Tenants.Select(t => t.Name).ToList();
        var all = string.Join("|", [PlatformTenant, .. tenants]);
        var traces = context.Spec.IsEnabled("tempo");
        var datasources = new List<JsonObject> { Datasource("Loki", DatasourceUid, all, traces) };
        datasources.AddRange(tenants.Select(t => Datasource($"Loki ({t})", $"loki-{t}", t, traces)));
        return datasources;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var gateway = Workload.Pods("gateway", context.Replicas(), 0.05m, 64);
        if (Mode(context) == "Monolithic")
        {
            return [Workload.Pods("single-binary", 1, 0.2m, 512), gateway];
        }

        var scale = Scale(context);
        return [Workload.Pods("write", scale, 0.2m, 512), Workload.Pods("read", scale, 0.2m, 512), Workload.Pods("backend", scale, 0.1m, 256), gateway];
    }

    private JsonObject Datasource(string name, string uid, string tenant, bool traces)
    {
        var jsonData = new JsonObject { ["httpHeaderName1"] = AddonCatalog.TenantHeader };
        if (traces)
        {
            // A trace id in a log line links to the trace in Tempo. "$$" keeps Grafana's provisioning from
            // expanding the link's variable as an environment variable.
            jsonData["derivedFields"] = new JsonArray(new JsonObject
            {
                ["name"] = "TraceID",
                ["matcherRegex"] = "(?:trace_?[iI][dD]|traceID)[\"=: ]+(\\w+)",
                ["datasourceUid"] = Tempo.DatasourceUid,
                ["url"] = "$${__value.raw}",
            });
        }

        return new JsonObject
        {
            ["name"] = name,
            ["uid"] = uid,
            ["type"] = "loki",
            ["access"] = "proxy",
            ["url"] = $"http://{Release}-gateway.{Namespace}.svc",
            ["jsonData"] = jsonData,
            ["secureJsonData"] = new JsonObject { ["httpHeaderValue1"] = tenant },
            ["editable"] = false,
        };
    }

    private static JsonObject Target(int replicas, string cpu, string memory, string limit) => new()
    {
        ["replicas"] = replicas,
        ["resources"] = ValueParts.Resources(cpu, memory, limit),
    };
}
