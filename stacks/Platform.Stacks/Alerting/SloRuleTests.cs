using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Alerting;

/// <summary>
/// <c>promtool test rules</c> unit tests for an SLO's rules, with synthetic series. For every burn-rate tier: the alert
/// fires with the tier's severity when both windows burn <see cref="BurnRateTier.TestMargin"/> above the threshold, stays
/// quiet when they burn that much below it, and stays quiet when only the long window burns (the burning stopped).
/// For the Gateway indicator, two more tests start from the proxy's own counters, so the recording rules are proven
/// too: a steady burn just above the six-hour tier pages and tickets, and one below 1 is quiet.
/// </summary>
public static class SloRuleTests
{
    /// <summary>Counter increments per minute in the raw tests: 1000 requests a minute.</summary>
    private const decimal RequestsPerMinute = 1000m;

    /// <summary>Where the raw counters start, far from zero, so rate() extrapolates every series alike.</summary>
    private const decimal CounterStart = 100000m;

    /// <summary>Minutes of synthetic data per test, and the evaluation time.</summary>
    private const int Minutes = 60;
    private const string EvalTime = "30m";

    /// <summary>The test file's name for an SLO, without folder.</summary>
    public static string FileName(SloSpec slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return $"slo-{slo.Name}.test.yaml";
    }

    /// <summary>The test file, reading the rule file at <c>../rules/</c>.</summary>
    public static JsonObject File(SloSpec slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var alerts = SloRules.Group(slo)["rules"]!.AsArray().Where(r => r!["alert"] is not null).Select(r => r!.AsObject()).ToList();
        var tests = new JsonArray();
        foreach (var tier in SloRules.Tiers(slo))
        {
            var threshold = tier.Threshold(slo.ErrorBudget);
            var above = threshold * (1m + BurnRateTier.TestMargin);
            var below = threshold * (1m - BurnRateTier.TestMargin);
            var name = $"{tier.Severity} tier {Promql.Number(tier.Factor)}x over {tier.Long} and {tier.Short}";
            tests.Add(RatioTest(slo, alerts, $"{name}: fires above the threshold", tier, above, above, [tier.Severity]));
            tests.Add(RatioTest(slo, alerts, $"{name}: quiet below the threshold", tier, below, below, []));
            tests.Add(RatioTest(slo, alerts, $"{name}: quiet once the short window recovers", tier, above, 0m, []));
        }

        if (!slo.IsCustom)
        {
            var sixHour = BurnRateTier.All.Single(t => t.Long == "6h");
            var burn = sixHour.Factor * (1m + BurnRateTier.TestMargin);
            tests.Add(RawTest(slo, alerts, $"gateway metrics: a steady burn of {Promql.Number(burn)}x pages and tickets", burn, [Severities.Critical, Severities.Warning]));
            tests.Add(RawTest(slo, alerts, "gateway metrics: a steady burn of 0.8x is quiet", 0.8m, []));
        }

        return new JsonObject
        {
            ["rule_files"] = new JsonArray($"../rules/{SloRules.FileName(slo)}"),
            ["evaluation_interval"] = "1m",
            ["tests"] = tests,
        };
    }

    private static JsonObject RatioTest(SloSpec slo, IReadOnlyList<JsonObject> alerts, string name, BurnRateTier tier, decimal longRatio, decimal shortRatio, IReadOnlyList<string> firing)
    {
        var series = new JsonArray();
        foreach (var window in BurnRateTier.Windows)
        {
            var ratio = window == tier.Long ? longRatio : window == tier.Short ? shortRatio : 0m;
            series.Add(Series(SloRules.ErrorRatio(window), SloRules.Labels(slo), ratio, 0m));
        }

        return new JsonObject
        {
            ["name"] = name,
            ["interval"] = "1m",
            ["input_series"] = series,
            ["alert_rule_test"] = new JsonArray(AlertTest(slo, alerts, firing)),
        };
    }

    private static JsonObject RawTest(SloSpec slo, IReadOnlyList<JsonObject> alerts, string name, decimal burn, IReadOnlyList<string> firing)
    {
        var errorRatio = burn * slo.ErrorBudget;
        var bad = RequestsPerMinute * errorRatio;
        var good = RequestsPerMinute - bad;
        var route = $"httproute/{slo.Tenant}/{slo.Service}/rule/0";
        var series = new JsonArray();
        if (slo.LatencyMs is { } ms)
        {
            // The bound as Prometheus 3 stores it.
            series.Add(Series($"{SloRules.RequestTime}_bucket", Route(route, ("le", $"{ms.ToString(System.Globalization.CultureInfo.InvariantCulture)}.0")), CounterStart, good));
            series.Add(Series($"{SloRules.RequestTime}_bucket", Route(route, ("le", "+Inf")), CounterStart, RequestsPerMinute));
            series.Add(Series($"{SloRules.RequestTime}_count", Route(route), CounterStart, RequestsPerMinute));
        }
        else
        {
            series.Add(Series(SloRules.RequestsByClass, Route(route, ("envoy_response_code_class", "2")), CounterStart, good));
            series.Add(Series(SloRules.RequestsByClass, Route(route, ("envoy_response_code_class", "5")), CounterStart, bad));
        }

        // Another route of the same tenant failing every request must not count.
        var other = $"httproute/{slo.Tenant}/{slo.Service}-other/rule/0";
        series.Add(Series(SloRules.RequestsByClass, Route(other, ("envoy_response_code_class", "5")), CounterStart, RequestsPerMinute));
        series.Add(Series($"{SloRules.RequestTime}_count", Route(other), CounterStart, RequestsPerMinute));

        var labels = SloRules.Labels(slo);
        var check = $"abs({SloRules.ErrorRatio("5m")}{{slo={Promql.Quote(slo.Name)}}} - {Promql.Number(errorRatio)}) < bool 1e-9";
        return new JsonObject
        {
            ["name"] = name,
            ["interval"] = "1m",
            ["input_series"] = series,
            ["promql_expr_test"] = new JsonArray(new JsonObject
            {
                ["expr"] = check,
                ["eval_time"] = EvalTime,
                ["exp_samples"] = new JsonArray(new JsonObject { ["labels"] = LabelText(labels), ["value"] = 1 }),
            }),
            ["alert_rule_test"] = new JsonArray(AlertTest(slo, alerts, firing)),
        };
    }

    private static JsonObject AlertTest(SloSpec slo, IReadOnlyList<JsonObject> alerts, IReadOnlyList<string> firing)
    {
        var expected = new JsonArray();
        foreach (var severity in firing)
        {
            var rule = alerts.Single(r => (string?)r["labels"]!["severity"] == severity);
            var labels = SloRules.Labels(slo);
            labels["severity"] = severity;
            labels["team"] = slo.Tenant;
            expected.Add(new JsonObject { ["exp_labels"] = labels, ["exp_annotations"] = rule["annotations"]!.DeepClone() });
        }

        return new JsonObject { ["eval_time"] = EvalTime, ["alertname"] = SloRules.AlertName, ["exp_alerts"] = expected };
    }

    private static JsonObject Route(string cluster, params (string Key, string Value)[] extra)
    {
        var labels = new JsonObject { ["envoy_cluster_name"] = cluster };
        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>A series in promtool's notation: <c>name{labels}</c> with <c>start+step x minutes</c>.</summary>
    private static JsonObject Series(string name, JsonObject labels, decimal start, decimal step) => new()
    {
        ["series"] = name + LabelText(labels),
        ["values"] = $"{Promql.Number(start)}+{Promql.Number(step)}x{Minutes}",
    };

    private static string LabelText(JsonObject labels) =>
        "{" + string.Join(",", labels.Select(l => $"{l.Key}={Promql.Quote((string)l.Value!)}")) + "}";
}
