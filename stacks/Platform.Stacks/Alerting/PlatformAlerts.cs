using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Alerting;

/// <summary>One alert about the platform itself, with the unit tests that prove it.</summary>
/// <param name="Name">Alert name.</param>
/// <param name="Severity">critical or warning.</param>
/// <param name="Expr">The PromQL condition.</param>
/// <param name="For">How long it must hold.</param>
/// <param name="Summary">One line for the receiver; may use <c>{{ $labels.x }}</c>.</param>
/// <param name="Addon">The add-on whose metrics it reads, or null when it needs only the monitoring stack.</param>
/// <param name="Cases">Synthetic scenarios and the alerts each must raise.</param>
/// <param name="Team">The team it is routed to; null when the expression sets a <c>team</c> label itself.</param>
public sealed record PlatformAlert(
    string Name,
    string Severity,
    string Expr,
    string For,
    string Summary,
    string? Addon,
    IReadOnlyList<AlertCase> Cases,
    string? Team = AlertmanagerConfig.PlatformTeam)
{
    /// <summary>The labels the rule adds: severity, and the team unless the series carry it.</summary>
    public JsonObject RuleLabels()
    {
        var labels = new JsonObject { ["severity"] = Severity };
        if (Team is not null)
        {
            labels["team"] = Team;
        }

        return labels;
    }
}

/// <summary>A <c>promtool test rules</c> scenario: input series and the labels of every alert that must fire.</summary>
/// <param name="Name">What it shows.</param>
/// <param name="Series">Series in promtool notation, with their values.</param>
/// <param name="Firing">The labels each firing alert must carry (without alertname); empty for none.</param>
public sealed record AlertCase(string Name, IReadOnlyList<(string Series, string Values)> Series, IReadOnlyList<IReadOnlyDictionary<string, string>> Firing);

/// <summary>
/// The platform's own alerts, each kept only where its add-on is on: certificates about to expire or not ready,
/// Argo CD syncs that fail and apps that degrade (routed to the team whose AppProject it is), Loki and Mimir refusing
/// writes, Prometheus failing to remote-write, and a node pool whose requests fill it. Every alert ships with
/// scenarios that must raise it and scenarios that must not.
/// </summary>
public static class PlatformAlerts
{
    /// <summary>The rule file's name, without folder.</summary>
    public const string FileName = "platform.yaml";

    /// <summary>The test file's name, without folder.</summary>
    public const string TestFileName = "platform.test.yaml";

    /// <summary>When the test scenarios are evaluated; every series runs an hour at one-minute steps.</summary>
    public const string EvalTime = "40m";

    private const int Day = 86400;

    /// <summary>Seconds since the epoch at <see cref="EvalTime"/>, which is what time() returns there.</summary>
    private const int Now = 40 * 60;

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Every platform alert, in file order.</summary>
    public static IReadOnlyList<PlatformAlert> All { get; } =
    [
        .. CertificateExpiry(Severities.Warning, 14),
        .. CertificateExpiry(Severities.Critical, 3),
        new(
            "CertificateNotReady",
            Severities.Warning,
            "max by (namespace, name) (certmanager_certificate_ready_status{condition=\"False\"}) == 1",
            "15m",
            "Certificate {{ $labels.namespace }}/{{ $labels.name }} has not been ready for 15 minutes",
            "certManager",
            [
                new("a certificate that cannot be issued", [("certmanager_certificate_ready_status{namespace=\"payments\",name=\"api\",condition=\"False\"}", "1x60")], [Labels(("namespace", "payments"), ("name", "api"))]),
                new("a ready certificate", [("certmanager_certificate_ready_status{namespace=\"payments\",name=\"api\",condition=\"False\"}", "0x60"), ("certmanager_certificate_ready_status{namespace=\"payments\",name=\"api\",condition=\"True\"}", "1x60")], []),
            ]),
        new(
            "ArgoCdSyncFailed",
            Severities.Warning,
            // A failed sync raises its counter, or, on an app's first failure (and after a controller restart), makes
            // the series appear, which increase() cannot see: both count.
            // The new series go first: "or" keeps the left side of a label set (metric names aside), and increase()
            // of a new series is 0.
            "label_replace(sum by (name, project) ("
                + "(argocd_app_sync_total{phase=~\"Error|Failed\"} unless argocd_app_sync_total{phase=~\"Error|Failed\"} offset 15m)"
                + " or increase(argocd_app_sync_total{phase=~\"Error|Failed\"}[15m])"
                + ") > 0, \"team\", \"$1\", \"project\", \"(.+)\")",
            "0m",
            "Argo CD could not sync {{ $labels.project }}/{{ $labels.name }} in the last 15 minutes",
            "argocd",
            [
                new("a failed sync", [("argocd_app_sync_total{name=\"api\",project=\"payments\",phase=\"Failed\"}", "0x30 1x30")], [Labels(("name", "api"), ("project", "payments"), ("team", "payments"))]),
                new("the first failed sync of an app", [("argocd_app_sync_total{name=\"api\",project=\"payments\",phase=\"Failed\"}", "_x30 1x30")], [Labels(("name", "api"), ("project", "payments"), ("team", "payments"))]),
                new("only successful syncs", [("argocd_app_sync_total{name=\"api\",project=\"payments\",phase=\"Succeeded\"}", "0+1x60"), ("argocd_app_sync_total{name=\"api\",project=\"payments\",phase=\"Failed\"}", "0x60")], []),
                new("a failure long ago", [("argocd_app_sync_total{name=\"api\",project=\"payments\",phase=\"Failed\"}", "1x60")], []),
            ],
            Team: null),
        new(
            "ArgoCdAppDegraded",
            Severities.Warning,
            "label_replace(max by (name, project) (argocd_app_info{health_status=\"Degraded\"}) == 1, \"team\", \"$1\", \"project\", \"(.+)\")",
            "15m",
            "Argo CD app {{ $labels.project }}/{{ $labels.name }} has been degraded for 15 minutes",
            "argocd",
            [
                new("a degraded app", [("argocd_app_info{name=\"api\",project=\"payments\",health_status=\"Degraded\",sync_status=\"Synced\"}", "1x60")], [Labels(("name", "api"), ("project", "payments"), ("team", "payments"))]),
                new("a healthy app", [("argocd_app_info{name=\"api\",project=\"payments\",health_status=\"Healthy\",sync_status=\"Synced\"}", "1x60")], []),
            ],
            Team: null),
        IngestionErrors("LokiIngestionErrors", "Loki", LokiWrites, "loki_api_v1_push", "loki"),
        IngestionErrors("MimirIngestionErrors", "Mimir", MimirWrites, "api_v1_push", "mimir"),
        new(
            "PrometheusRemoteWriteFailing",
            Severities.Warning,
            "sum by (namespace, remote_name) (rate(prometheus_remote_storage_samples_failed_total[5m])) > 0",
            "15m",
            "Prometheus cannot remote-write samples to {{ $labels.remote_name }}",
            "mimir",
            [
                new("samples failing", [("prometheus_remote_storage_samples_failed_total{namespace=\"monitoring\",remote_name=\"mimir\"}", "0+10x60")], [Labels(("namespace", "monitoring"), ("remote_name", "mimir"))]),
                new("no failures", [("prometheus_remote_storage_samples_failed_total{namespace=\"monitoring\",remote_name=\"mimir\"}", "5x60")], []),
            ]),
        new(
            "NodePoolSaturated",
            Severities.Warning,
            $"label_replace({PoolRequestRatio} > 0.9, \"pool\", \"$1\", \"label_platform_pool\", \"(.+)\")",
            "30m",
            "Node pool {{ $labels.pool }} has had over 90% of its {{ $labels.resource }} requested for 30 minutes; it may be at its maximum size",
            null,
            [
                new(
                    "the general pool full, the system pool half used",
                    [
                        ("kube_node_labels{node=\"n1\",label_platform_pool=\"general\"}", "1x60"),
                        ("kube_node_labels{node=\"n2\",label_platform_pool=\"system\"}", "1x60"),
                        ("kube_node_status_allocatable{node=\"n1\",resource=\"cpu\"}", "4x60"),
                        ("kube_node_status_allocatable{node=\"n2\",resource=\"cpu\"}", "4x60"),
                        ("kube_pod_container_resource_requests{node=\"n1\",namespace=\"payments\",pod=\"a\",container=\"app\",resource=\"cpu\"}", "3.9x60"),
                        ("kube_pod_container_resource_requests{node=\"n2\",namespace=\"kube-system\",pod=\"b\",container=\"dns\",resource=\"cpu\"}", "2x60"),
                        ("kube_pod_status_phase{namespace=\"payments\",pod=\"a\",phase=\"Running\"}", "1x60"),
                        ("kube_pod_status_phase{namespace=\"kube-system\",pod=\"b\",phase=\"Running\"}", "1x60"),
                    ],
                    [Labels(("label_platform_pool", "general"), ("pool", "general"), ("resource", "cpu"))]),
                new(
                    "a pool full only of finished pods",
                    [
                        ("kube_node_labels{node=\"n1\",label_platform_pool=\"general\"}", "1x60"),
                        ("kube_node_status_allocatable{node=\"n1\",resource=\"cpu\"}", "4x60"),
                        ("kube_pod_container_resource_requests{node=\"n1\",namespace=\"payments\",pod=\"job\",container=\"app\",resource=\"cpu\"}", "3.9x60"),
                        ("kube_pod_status_phase{namespace=\"payments\",pod=\"job\",phase=\"Succeeded\"}", "1x60"),
                        ("kube_pod_status_phase{namespace=\"payments\",pod=\"job\",phase=\"Running\"}", "0x60"),
                    ],
                    []),
                new(
                    "a pool at 80%",
                    [
                        ("kube_node_labels{node=\"n1\",label_platform_pool=\"general\"}", "1x60"),
                        ("kube_node_status_allocatable{node=\"n1\",resource=\"cpu\"}", "4x60"),
                        ("kube_pod_container_resource_requests{node=\"n1\",namespace=\"payments\",pod=\"a\",container=\"app\",resource=\"cpu\"}", "3.2x60"),
                        ("kube_pod_status_phase{namespace=\"payments\",pod=\"a\",phase=\"Running\"}", "1x60"),
                    ],
                    []),
            ]),
    ];

    /// <summary>
    /// The share of each node pool's allocatable CPU and memory that its pending and running pods request, by pool
    /// and resource; the saturation alert and the node pools dashboard read it.
    /// </summary>
    public const string PoolRequestRatio =
        "sum by (label_platform_pool, resource) ((kube_pod_container_resource_requests{resource=~\"cpu|memory\"} * on (namespace, pod) group_left () max by (namespace, pod) (kube_pod_status_phase{phase=~\"Pending|Running\"} == 1)) * on (node) group_left (label_platform_pool) kube_node_labels{label_platform_pool!=\"\"})"
        + " / sum by (label_platform_pool, resource) (kube_node_status_allocatable{resource=~\"cpu|memory\"} * on (node) group_left (label_platform_pool) kube_node_labels{label_platform_pool!=\"\"})";

    /// <summary>Loki's request counter and the routes that write to it.</summary>
    public static (string Metric, string Routes) LokiWrites => ("loki_request_duration_seconds_count", "loki_api_v1_push|otlp_v1_logs");

    /// <summary>Mimir's request counter and the routes that write to it.</summary>
    public static (string Metric, string Routes) MimirWrites => ("cortex_request_duration_seconds_count", "api_v1_push|otlp_v1_metrics|/distributor.Distributor/Push");

    /// <summary>
    /// The share of writes a backend refuses with a server error over five minutes, by namespace; its ingestion alert
    /// and the add-ons dashboard read it.
    /// </summary>
    public static string WriteErrorRatio((string Metric, string Routes) writes) =>
        $"sum by (namespace) (rate({writes.Metric}{{route=~\"{writes.Routes}\",status_code=~\"5..\"}}[5m])) / sum by (namespace) (rate({writes.Metric}{{route=~\"{writes.Routes}\"}}[5m]))";

    /// <summary>The alerts whose add-on is on in a stack.</summary>
    public static IReadOnlyList<PlatformAlert> For(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return All.Where(a => a.Addon is null || spec.IsEnabled(a.Addon)).ToList();
    }

    /// <summary>The rule file of the given alerts: one group.</summary>
    public static JsonObject File(IReadOnlyList<PlatformAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var rules = new JsonArray();
        foreach (var alert in alerts)
        {
            rules.Add(new JsonObject
            {
                ["alert"] = alert.Name,
                ["expr"] = alert.Expr,
                ["for"] = alert.For,
                ["labels"] = alert.RuleLabels(),
                ["annotations"] = new JsonObject { ["summary"] = alert.Summary },
            });
        }

        return new JsonObject { ["groups"] = new JsonArray(new JsonObject { ["name"] = "platform", ["rules"] = rules }) };
    }

    /// <summary>
    /// The test file of the given alerts. A scenario is run against every alert of the same name, so one that raises
    /// the warning and the critical alert of a name lists both.
    /// </summary>
    public static JsonObject TestFile(IReadOnlyList<PlatformAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var tests = new JsonArray();
        foreach (var group in alerts.GroupBy(a => a.Name))
        {
            var members = group.ToList();
            foreach (var scenario in members.SelectMany(a => a.Cases).DistinctBy(c => c.Name))
            {
                var expected = new JsonArray();
                foreach (var alert in members)
                {
                    foreach (var labels in scenario.Firing.Where(f => Raises(alert, f)))
                    {
                        expected.Add(Expected(alert, labels));
                    }
                }

                tests.Add(new JsonObject
                {
                    ["name"] = $"{group.Key}: {scenario.Name}",
                    ["interval"] = "1m",
                    ["input_series"] = new JsonArray([.. scenario.Series.Select(s => (JsonNode)new JsonObject { ["series"] = s.Series, ["values"] = s.Values })]),
                    ["alert_rule_test"] = new JsonArray(new JsonObject { ["eval_time"] = EvalTime, ["alertname"] = group.Key, ["exp_alerts"] = expected }),
                });
            }
        }

        return new JsonObject
        {
            ["rule_files"] = new JsonArray($"../rules/{FileName}"),
            ["evaluation_interval"] = "1m",
            ["tests"] = tests,
        };
    }

    /// <summary>
    /// Whether a scenario's expected alert belongs to this rule: a scenario names the severity it expects with a
    /// <c>severity</c> entry when alerts of one name differ by severity; otherwise every rule of the name raises it.
    /// </summary>
    private static bool Raises(PlatformAlert alert, IReadOnlyDictionary<string, string> labels) =>
        !labels.TryGetValue("severity", out var severity) || severity == alert.Severity;

    private static JsonObject Expected(PlatformAlert alert, IReadOnlyDictionary<string, string> labels)
    {
        var expected = new JsonObject();
        foreach (var (key, value) in labels.Where(l => l.Key != "severity"))
        {
            expected[key] = value;
        }

        foreach (var (key, value) in alert.RuleLabels())
        {
            expected[key] = value!.DeepClone();
        }

        var summary = alert.Summary;
        foreach (var (key, value) in expected)
        {
            summary = summary.Replace($"{{{{ $labels.{key} }}}}", (string)value!, StringComparison.Ordinal);
        }

        return new JsonObject
        {
            ["exp_labels"] = new JsonObject([.. expected.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, e.Value?.DeepClone()))]),
            ["exp_annotations"] = new JsonObject { ["summary"] = summary },
        };
    }

    private static IReadOnlyDictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
        labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);

    private static IEnumerable<PlatformAlert> CertificateExpiry(string severity, int days)
    {
        var series = "certmanager_certificate_expiration_timestamp_seconds{namespace=\"payments\",name=\"api\"}";
        yield return new PlatformAlert(
            "CertificateExpiring",
            severity,
            $"min by (namespace, name) (certmanager_certificate_expiration_timestamp_seconds) - time() < {days} * 86400",
            "15m",
            "Certificate {{ $labels.namespace }}/{{ $labels.name }} expires within " + days + " days and has not been renewed",
            "certManager",
            [
                new("a certificate expiring in 2 days", [(series, $"{Now + (2 * Day)}x60")], [Labels(("namespace", "payments"), ("name", "api"))]),
                new("a certificate expiring in 10 days", [(series, $"{Now + (10 * Day)}x60")], [Labels(("namespace", "payments"), ("name", "api"), ("severity", Severities.Warning))]),
                new("a certificate expiring in 30 days", [(series, $"{Now + (30 * Day)}x60")], []),
            ]);
    }

    private static PlatformAlert IngestionErrors(string name, string backend, (string Metric, string Routes) writes, string route, string addon)
    {
        var failed = $"{writes.Metric}{{namespace=\"observability\",route=\"{route}\",status_code=\"500\"}}";
        var ok = $"{writes.Metric}{{namespace=\"observability\",route=\"{route}\",status_code=\"204\"}}";
        return new PlatformAlert(
            name,
            Severities.Critical,
            $"{WriteErrorRatio(writes)} > 0.05",
            "15m",
            $"{backend} is refusing over 5% of writes in {{{{ $labels.namespace }}}}",
            addon,
            [
                new("10% of pushes failing", [(failed, "0+10x60"), (ok, "0+90x60")], [Labels(("namespace", "observability"))]),
                new("1% of pushes failing", [(failed, "0+1x60"), (ok, "0+99x60")], []),
            ]);
    }
}
