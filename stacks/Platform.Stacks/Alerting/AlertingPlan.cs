using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Alerting;

/// <summary>One Prometheus rule file with its <c>promtool test rules</c> file.</summary>
/// <param name="Name">The PrometheusRule's name in the cluster.</param>
/// <param name="FileName">The rule file's name in the render's <c>alerting/rules/</c>.</param>
/// <param name="Rules">The rule file: <c>groups</c>, exactly as the PrometheusRule's spec holds them.</param>
/// <param name="TestFileName">The test file's name in the render's <c>alerting/tests/</c>.</param>
/// <param name="WriteTests">Writes the test file; only the render needs it, so it is made on demand.</param>
public sealed record RuleFile(string Name, string FileName, JsonObject Rules, string TestFileName, Func<JsonObject> WriteTests)
{
    /// <summary>The test file.</summary>
    public JsonObject Tests => WriteTests();
}

/// <summary>
/// What a stack alerts on and where alerts go: a rule file per SLO, one for the platform's own alerts, each with its
/// unit tests, and the Alertmanager configuration. The monitoring add-on applies the rules as PrometheusRules and
/// hands the configuration to Alertmanager; the render writes them as plain files that promtool and amtool check.
/// </summary>
/// <param name="Rules">Rule files, SLOs first by name, then the platform's.</param>
/// <param name="Alertmanager">The Alertmanager configuration.</param>
public sealed record AlertingPlan(IReadOnlyList<RuleFile> Rules, JsonObject Alertmanager)
{
    /// <summary>The plan for a stack.</summary>
    public static AlertingPlan For(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var files = spec.Slos
            .Select(slo => new RuleFile($"slo-{slo.Name}", SloRules.FileName(slo), SloRules.File(slo), SloRuleTests.FileName(slo), () => SloRuleTests.File(slo)))
            .ToList();
        var platform = PlatformAlerts.For(spec);
        files.Add(new RuleFile("platform-alerts", PlatformAlerts.FileName, PlatformAlerts.File(platform), PlatformAlerts.TestFileName, () => PlatformAlerts.TestFile(platform)));
        return new AlertingPlan(files, AlertmanagerConfig.For(spec));
    }
}
