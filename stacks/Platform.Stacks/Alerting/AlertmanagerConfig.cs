using System.Text.Json.Nodes;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Alerting;

/// <summary>
/// The Alertmanager configuration: routes by team and severity, receivers from <c>platform:alerting</c>, and
/// inhibition of a warning while the critical alert for the same thing fires. Receivers read their URL, key or token
/// from files of the <see cref="SecretName"/> Secret, which the program makes from secret config, so no secret is
/// ever in the plan, the render or the chart values. A dev stack sends everything to the null receiver.
/// </summary>
public static class AlertmanagerConfig
{
    /// <summary>The Secret holding each receiver's secret under the receiver's name.</summary>
    public const string SecretName = "alertmanager-receivers";

    /// <summary>Where the operator mounts the Secret in the Alertmanager pods.</summary>
    public const string SecretDirectory = "/etc/alertmanager/secrets/" + SecretName;

    /// <summary>The receiver that drops what it gets.</summary>
    public const string Null = "null";

    /// <summary>The team of the platform's own alerts.</summary>
    public const string PlatformTeam = "platform";

    /// <summary>Labels that say two alerts are about the same thing, for grouping.</summary>
    public static IReadOnlyList<string> SameThing { get; } = ["alertname", "namespace", "name", "slo", "pool"];

    /// <summary>
    /// Labels that must match for a critical alert to silence a warning: those of <see cref="SameThing"/> and those the
    /// monitoring chart's own alerts tell hosts, disks and volumes apart by, so one volume's critical never hides
    /// another's warning. A label neither alert has counts as equal.
    /// </summary>
    public static IReadOnlyList<string> SameTarget { get; } = [.. SameThing, "instance", "device", "mountpoint", "persistentvolumeclaim", "pod", "container"];

    /// <summary>The receivers whose secret the program must supply; none on a dev stack.</summary>
    public static IReadOnlyList<ReceiverSpec> Receivers(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Environment == EnvironmentProfile.Dev || spec.Alerting is null ? [] : spec.Alerting.Receivers;
    }

    /// <summary>The configuration for a stack.</summary>
    public static JsonObject For(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var receivers = new JsonArray(new JsonObject { ["name"] = Null });
        foreach (var receiver in Receivers(spec))
        {
            receivers.Add(Receiver(receiver));
        }

        var routes = new JsonArray(
            // The chart's Watchdog alert always fires, to prove the pipeline works; nobody needs to hear it.
            Route(Null, "alertname=\"Watchdog\""),
            Route(Null, "alertname=\"InfoInhibitor\""));
        if (spec.Environment != EnvironmentProfile.Dev && spec.Alerting is { } alerting)
        {
            foreach (var team in alerting.Teams)
            {
                AddRoute(routes, team.Critical, $"team={Promql.Quote(team.Team)}", $"severity={Promql.Quote(Severities.Critical)}");
                AddRoute(routes, team.Warning, $"team={Promql.Quote(team.Team)}", $"severity={Promql.Quote(Severities.Warning)}");
            }

            AddRoute(routes, alerting.Critical, $"severity={Promql.Quote(Severities.Critical)}");
            AddRoute(routes, alerting.Warning, $"severity={Promql.Quote(Severities.Warning)}");
        }

        return new JsonObject
        {
            ["global"] = new JsonObject { ["resolve_timeout"] = "5m" },
            ["route"] = new JsonObject
            {
                ["receiver"] = Null,
                ["group_by"] = Kube.Strings([.. SameThing, "team"]),
                ["group_wait"] = "30s",
                ["group_interval"] = "5m",
                ["repeat_interval"] = "4h",
                ["routes"] = routes,
            },
            ["inhibit_rules"] = new JsonArray(
                Inhibit($"severity={Promql.Quote(Severities.Critical)}", $"severity={Promql.Quote(Severities.Warning)}", SameTarget),
                Inhibit("severity=~\"critical|warning\"", "severity=\"info\"", ["alertname", "namespace"]),
                Inhibit("alertname=\"InfoInhibitor\"", "severity=\"info\"", ["namespace"])),
            ["receivers"] = receivers,
            ["templates"] = Kube.Strings("/etc/alertmanager/config/*.tmpl"),
        };
    }

    private static void AddRoute(JsonArray routes, string? receiver, params string[] matchers)
    {
        if (receiver is not null)
        {
            routes.Add(Route(receiver, matchers));
        }
    }

    private static JsonObject Route(string receiver, params string[] matchers) => new()
    {
        ["receiver"] = receiver,
        ["matchers"] = Kube.Strings(matchers),
    };

    private static JsonObject Inhibit(string source, string target, IReadOnlyList<string> equal) => new()
    {
        ["source_matchers"] = Kube.Strings(source),
        ["target_matchers"] = Kube.Strings(target),
        ["equal"] = Kube.Strings([.. equal]),
    };

    private static JsonObject Receiver(ReceiverSpec receiver)
    {
        var file = $"{SecretDirectory}/{receiver.Name}";
        var (key, config) = receiver.Kind switch
        {
            "pagerduty" => ("pagerduty_configs", new JsonObject { ["routing_key_file"] = file, ["send_resolved"] = true }),
            "slack" => ("slack_configs", new JsonObject
            {
                ["api_url_file"] = file,
                ["channel"] = receiver.Channel,
                ["send_resolved"] = true,
                ["title"] = "{{ .Status | toUpper }}: {{ .CommonLabels.alertname }} ({{ .CommonLabels.severity }})",
                ["text"] = "{{ range .Alerts }}{{ .Annotations.summary }}\n{{ .Annotations.description }}\n{{ end }}",
            }),
            _ => ("webhook_configs", new JsonObject
            {
                ["url"] = receiver.Url,
                ["send_resolved"] = true,
                ["http_config"] = new JsonObject { ["authorization"] = new JsonObject { ["credentials_file"] = file } },
            }),
        };
        return new JsonObject { ["name"] = receiver.Name, [key] = new JsonArray(config) };
    }
}
