using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Alerting;

/// <summary>
/// Turns one SLO into a Prometheus rule group: the error ratio recorded over every window the burn-rate alerts
/// read, the objective as a series for dashboards, and one alert, <see cref="AlertName"/>, that pages (critical) on a
/// fast burn and opens a ticket (warning) on a slow one.
/// <para>
/// The default indicator is the shared Gateway's own metrics for the HTTPRoute named after the service in the
/// tenant's namespace: requests answered with a 5xx are bad (availability), or requests slower than the threshold
/// (latency). An SLO may bring its own good and total counters instead.
/// </para>
/// </summary>
public static class SloRules
{
    /// <summary>The alert every SLO raises; severity tells a fast burn from a slow one.</summary>
    public const string AlertName = "SLOErrorBudgetBurn";

    /// <summary>The recorded error ratio over a window.</summary>
    public static string ErrorRatio(string window) => $"slo:sli_error:ratio_rate{window}";

    /// <summary>The recorded objective, as a ratio.</summary>
    public const string ObjectiveRecord = "slo:objective:ratio";

    /// <summary>The Envoy counter of upstream requests by status class, per route cluster.</summary>
    public const string RequestsByClass = "envoy_cluster_upstream_rq_xx";

    /// <summary>The Envoy histogram of upstream request time, in milliseconds, per route cluster.</summary>
    public const string RequestTime = "envoy_cluster_upstream_rq_time";

    /// <summary>The rule file's name for an SLO, without folder.</summary>
    public static string FileName(SloSpec slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return $"slo-{slo.Name}.yaml";
    }

    /// <summary>The labels on every series and alert of an SLO: slo, tenant, and service when it has one.</summary>
    public static JsonObject Labels(SloSpec slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var labels = new JsonObject { ["slo"] = slo.Name, ["tenant"] = slo.Tenant };
        if (slo.Service is not null)
        {
            labels["service"] = slo.Service;
        }

        return labels;
    }

    /// <summary>The burn-rate tiers that apply to an SLO's budget (see <see cref="BurnRateTier.AppliesTo"/>).</summary>
    public static IReadOnlyList<BurnRateTier> Tiers(SloSpec slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        return BurnRateTier.All.Where(t => t.AppliesTo(slo.ErrorBudget)).ToList();
    }

    /// <summary>
    /// The selector of the Gateway's route clusters for a service: Envoy Gateway names each cluster
    /// <c>httproute/&lt;namespace&gt;/&lt;route&gt;/rule/&lt;n&gt;</c>, one per rule of the route.
    /// </summary>
    public static string RouteMatcher(string tenant, string service) =>
        $"envoy_cluster_name=~{Promql.Quote($"httproute/{tenant}/{service}/rule/[0-9]+")}";

    /// <summary>The error ratio of an SLO over a window, from its indicator.</summary>
    public static string ErrorRatioExpression(SloSpec slo, string window)
    {
        ArgumentNullException.ThrowIfNull(slo);
        if (slo.IsCustom)
        {
            return $"1 - ({Promql.SumRate(slo.Good!, window)} / {Promql.SumRate(slo.Total!, window)})";
        }

        var route = RouteMatcher(slo.Tenant, slo.Service!);
        if (slo.LatencyMs is { } ms)
        {
            // Prometheus 3 stores a classic histogram's bucket bounds as floats ("250.0"); Prometheus 2 kept the
            // exposed text ("250"). The matcher takes either.
            var fast = Promql.SumRate($"{RequestTime}_bucket{{{route},le=~\"{ms}(\\\\.0)?\"}}", window);
            var all = Promql.SumRate($"{RequestTime}_count{{{route}}}", window);
            return $"1 - ({fast} / {all})";
        }

        var failed = Promql.SumRate($"{RequestsByClass}{{{route},envoy_response_code_class=\"5\"}}", window);
        var total = Promql.SumRate($"{RequestsByClass}{{{route}}}", window);
        return $"{failed} / {total}";
    }

    /// <summary>The alert condition of one severity: any of its tiers, each over both of its windows.</summary>
    public static string AlertExpression(SloSpec slo, IEnumerable<BurnRateTier> tiers)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var selector = $"{{slo={Promql.Quote(slo.Name)}}}";
        var conditions = tiers.Select(t =>
        {
            var threshold = Promql.Number(t.Threshold(slo.ErrorBudget));
            return $"({ErrorRatio(t.Long)}{selector} > {threshold} and {ErrorRatio(t.Short)}{selector} > {threshold})";
        });
        return string.Join(" or ", conditions);
    }

    /// <summary>How long a severity's condition must hold before it fires.</summary>
    public static string For(string severity) => severity == Severities.Critical ? "2m" : "15m";

    /// <summary>The rule group of an SLO.</summary>
    public static JsonObject Group(SloSpec slo)
    {
        ArgumentNullException.ThrowIfNull(slo);
        var rules = new JsonArray();
        foreach (var window in BurnRateTier.Windows)
        {
            rules.Add(new JsonObject
            {
                ["record"] = ErrorRatio(window),
                ["expr"] = ErrorRatioExpression(slo, window),
                ["labels"] = Labels(slo),
            });
        }

        rules.Add(new JsonObject
        {
            ["record"] = ObjectiveRecord,
            ["expr"] = $"vector({Promql.Number(slo.Objective / 100m)})",
            ["labels"] = Labels(slo),
        });

        foreach (var severity in new[] { Severities.Critical, Severities.Warning })
        {
            var tiers = Tiers(slo).Where(t => t.Severity == severity).ToList();
            if (tiers.Count == 0)
            {
                continue;
            }

            var labels = new JsonObject { ["severity"] = severity, ["team"] = slo.Tenant };
            var speed = severity == Severities.Critical ? "fast" : "slowly";
            var rates = string.Join(" or ", tiers.Select(t => $"{Promql.Number(t.Factor)}x over {t.Long}"));
            rules.Add(new JsonObject
            {
                ["alert"] = AlertName,
                ["expr"] = AlertExpression(slo, tiers),
                ["for"] = For(severity),
                ["labels"] = labels,
                ["annotations"] = new JsonObject
                {
                    ["summary"] = $"SLO {slo.Name} is burning its error budget {speed}",
                    ["description"] = $"{Describe(slo)}: the error budget of {Promql.Number(slo.Objective)}% over {slo.Window} is burning at {rates} (burn rate 1 spends it exactly over the window).",
                },
            });
        }

        return new JsonObject { ["name"] = $"slo-{slo.Name}", ["rules"] = rules };
    }

    /// <summary>The rule file of an SLO: one group.</summary>
    public static JsonObject File(SloSpec slo) => new() { ["groups"] = new JsonArray(Group(slo)) };

    private static string Describe(SloSpec slo) => slo.Kind switch
    {
        "latency" => $"{slo.Tenant}/{slo.Service} answering within {slo.LatencyMs}ms",
        "availability" => $"{slo.Tenant}/{slo.Service} answering without a 5xx",
        _ => $"{slo.Tenant} events counted good by the SLO's own selector",
    };
}
