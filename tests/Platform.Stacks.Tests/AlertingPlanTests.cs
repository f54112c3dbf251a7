using System.Text.Json.Nodes;
using Platform.Stacks.Alerting;
using Platform.Stacks.Model;
using Platform.Stacks.Rendering;

namespace Platform.Stacks.Tests;

/// <summary>
/// What the plan alerts on and where alerts go. promtool and amtool check the rendered files of every committed stack
/// in the test command (scripts/check-alerting); these tests pin the generated shapes.
/// </summary>
public class AlertingPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static string Golden(string name) => File.ReadAllText(Path.Combine(Repo.Root, "tests", "Platform.Stacks.Tests", "Golden", name));

    private static SloSpec Slo(decimal objective, int? latencyMs = null, string? good = null, string? total = null) =>
        new("api", "payments", good is null ? "api" : null, objective, "30d", latencyMs, good, total);

    private static string Expression(JsonObject group, string record) =>
        (string)group["rules"]!.AsArray().Single(r => (string?)r!["record"] == record)!["expr"]!;

    private static IReadOnlyList<JsonObject> Alerts(JsonObject group) =>
        [.. group["rules"]!.AsArray().Where(r => r!["alert"] is not null).Select(r => r!.AsObject())];

    [Fact]
    public void AnSloRuleFileMatchesItsReviewedGoldenCopy() =>
        Assert.Equal(Golden("slo-payments-api.rules.yaml"), Renderer.Render(Prod())["alerting/rules/slo-payments-api.yaml"]);

    [Fact]
    public void ProdsAlertmanagerConfigurationMatchesItsReviewedGoldenCopy() =>
        Assert.Equal(Golden("prod.alertmanager.yaml"), Renderer.Render(Prod())["alerting/alertmanager.yaml"]);

    [Fact]
    public void ThresholdsAreTheBurnRateTimesTheErrorBudget()
    {
        var alerts = Alerts(SloRules.Group(Slo(99.9m)));

        Assert.Equal(["critical", "warning"], alerts.Select(a => (string)a["labels"]!["severity"]!));
        Assert.Equal(
            "(slo:sli_error:ratio_rate1h{slo=\"api\"} > 0.0144 and slo:sli_error:ratio_rate5m{slo=\"api\"} > 0.0144) or (slo:sli_error:ratio_rate6h{slo=\"api\"} > 0.006 and slo:sli_error:ratio_rate30m{slo=\"api\"} > 0.006)",
            (string)alerts[0]["expr"]!);
        Assert.Equal(
            "(slo:sli_error:ratio_rate1d{slo=\"api\"} > 0.003 and slo:sli_error:ratio_rate2h{slo=\"api\"} > 0.003) or (slo:sli_error:ratio_rate3d{slo=\"api\"} > 0.001 and slo:sli_error:ratio_rate6h{slo=\"api\"} > 0.001)",
            (string)alerts[1]["expr"]!);
        Assert.Equal(["2m", "15m"], alerts.Select(a => (string)a["for"]!));
    }

    [Theory]
    [InlineData(99, "1h 6h 1d 3d")]
    [InlineData(94.3, "1h 6h 1d 3d")]
    [InlineData(94.2, "6h 1d 3d")]
    [InlineData(90, "6h 1d 3d")]
    public void ATierThatWouldNeedAnErrorRatioAboveOneIsLeftOut(decimal objective, string windows) =>
        Assert.Equal(windows, string.Join(" ", SloRules.Tiers(Slo(objective)).Select(t => t.Long)));

    [Fact]
    public void TheGatewayIndicatorCountsOnlyTheServicesRouteClusters()
    {
        var group = SloRules.Group(Slo(99.9m));

        Assert.Equal(
            "sum(rate(envoy_cluster_upstream_rq_xx{envoy_cluster_name=~\"httproute/payments/api/rule/[0-9]+\",envoy_response_code_class=\"5\"}[1h])) / sum(rate(envoy_cluster_upstream_rq_xx{envoy_cluster_name=~\"httproute/payments/api/rule/[0-9]+\"}[1h]))",
            Expression(group, "slo:sli_error:ratio_rate1h"));
        Assert.Equal(BurnRateTier.Windows, group["rules"]!.AsArray().Select(r => (string?)r!["record"]).OfType<string>().Where(r => r.StartsWith("slo:sli_error", StringComparison.Ordinal)).Select(r => r["slo:sli_error:ratio_rate".Length..]));
    }

    [Fact]
    public void ALatencyIndicatorCountsRequestsAtOrBelowItsBucket() => Assert.Equal(
        "1 - (sum(rate(envoy_cluster_upstream_rq_time_bucket{envoy_cluster_name=~\"httproute/payments/api/rule/[0-9]+\",le=~\"250(\\\\.0)?\"}[5m])) / sum(rate(envoy_cluster_upstream_rq_time_count{envoy_cluster_name=~\"httproute/payments/api/rule/[0-9]+\"}[5m])))",
        Expression(SloRules.Group(Slo(99m, latencyMs: 250)), "slo:sli_error:ratio_rate5m"));

    [Fact]
    public void CustomSelectorsReplaceTheIndicatorAndCarryNoServiceLabel()
    {
        var group = SloRules.Group(Slo(99m, good: "jobs_total{result=\"ok\"}", total: "jobs_total"));

        Assert.Equal("1 - (sum(rate(jobs_total{result=\"ok\"}[30m])) / sum(rate(jobs_total[30m])))", Expression(group, "slo:sli_error:ratio_rate30m"));
        Assert.Equal(["slo", "tenant"], SloRules.Labels(Slo(99m, good: "a", total: "b")).Select(l => l.Key));
    }

    [Fact]
    public void EveryTierIsTestedAboveBelowAndAfterRecoveryAndTheGatewayIndicatorFromRawCounters()
    {
        var names = SloRuleTests.File(Slo(99.9m))["tests"]!.AsArray().Select(t => (string)t!["name"]!).ToList();

        Assert.Equal(4 * 3 + 2, names.Count);
        Assert.Contains("critical tier 14.4x over 1h and 5m: fires above the threshold", names);
        Assert.Contains("warning tier 1x over 3d and 6h: quiet once the short window recovers", names);
        Assert.Contains("gateway metrics: a steady burn of 7.2x pages and tickets", names);
    }

    [Fact]
    public void CustomIndicatorsAreTestedAtTheRecordedRatiosOnly()
    {
        var tests = SloRuleTests.File(Slo(90m, good: "a_total", total: "b_total"))["tests"]!.AsArray();

        Assert.Equal(3 * 3, tests.Count);
        Assert.All(tests, t => Assert.All(t!["input_series"]!.AsArray(), s => Assert.StartsWith("slo:sli_error:ratio_rate", (string)s!["series"]!, StringComparison.Ordinal)));
    }

    [Fact]
    public void ATierTestFeedsOnlyItsOwnTwoWindowsAndExpectsOnlyItsSeverity()
    {
        var test = SloRuleTests.File(Slo(99.9m))["tests"]!.AsArray().Single(t => (string)t!["name"]! == "critical tier 6x over 6h and 30m: fires above the threshold")!;

        var values = test["input_series"]!.AsArray().ToDictionary(s => (string)s!["series"]!, s => (string)s!["values"]!);
        Assert.Equal("0.0072+0x60", values["slo:sli_error:ratio_rate6h{slo=\"api\",tenant=\"payments\",service=\"api\"}"]);
        Assert.Equal("0.0072+0x60", values["slo:sli_error:ratio_rate30m{slo=\"api\",tenant=\"payments\",service=\"api\"}"]);
        Assert.Equal(5, values.Values.Count(v => v == "0+0x60"));
        var expected = Assert.Single(test["alert_rule_test"]![0]!["exp_alerts"]!.AsArray())!;
        Assert.Equal("critical", (string)expected["exp_labels"]!["severity"]!);
    }

    [Fact]
    public void TheRulesRenderOnlyWhereTheMonitoringStackIsInstalled()
    {
        var off = Stacks.Valid(Stacks.GcpStaging("platform:addons: { prometheus: false, loki: false, tempo: false, mimir: false, alloy: false, grafana: false }"));

        Assert.Null(off.Alerting);
        Assert.DoesNotContain(Renderer.Render(off).Keys, k => k.StartsWith("alerting/", StringComparison.Ordinal));
        Assert.Equal(
            ["alerting/alertmanager.yaml", "alerting/rules/platform.yaml", "alerting/rules/slo-payments-api.yaml", "alerting/rules/slo-search-query.yaml", "alerting/tests/platform.test.yaml", "alerting/tests/slo-payments-api.test.yaml", "alerting/tests/slo-search-query.test.yaml"],
            Renderer.Render(Prod()).Keys.Where(k => k.StartsWith("alerting/", StringComparison.Ordinal)));
    }

    [Fact]
    public void PlatformAlertsAreKeptOnlyWhereTheirAddonIsOnAndInstalled()
    {
        var names = PlatformAlerts.For(Stacks.Valid(Stacks.GcpStaging("platform:addons:\n  argocd: false\n  loki: false\n  mimir: false")).Spec).Select(a => a.Name).Distinct();

        Assert.Equal(["CertificateExpiring", "CertificateNotReady", "NodePoolSaturated"], names);
        Assert.Contains(PlatformAlerts.For(Prod().Spec), a => a.Name == "LokiIngestionErrors");
        Assert.Contains(PlatformAlerts.For(Prod().Spec), a => a.Name == "PrometheusRemoteWriteFailing");
        Assert.DoesNotContain(PlatformAlerts.For(Stacks.Valid(Stacks.GcpStaging("platform:addons: { mimir: false }")).Spec), a => a.Addon == "mimir");
    }

    [Fact]
    public void EveryPlatformAlertHasAScenarioThatRaisesItAndOneThatDoesNot() => Assert.All(
        PlatformAlerts.All.GroupBy(a => a.Name),
        group =>
        {
            var cases = group.SelectMany(a => a.Cases).ToList();
            Assert.Contains(cases, c => c.Firing.Count > 0);
            Assert.Contains(cases, c => c.Firing.Count == 0);
        });

    [Fact]
    public void ArgoCdAlertsGoToTheTeamWhoseProjectItIs()
    {
        var file = PlatformAlerts.File(PlatformAlerts.All);
        var rule = file["groups"]![0]!["rules"]!.AsArray().Single(r => (string)r!["alert"]! == "ArgoCdSyncFailed")!;

        Assert.Null(rule["labels"]!["team"]);
        Assert.Contains("\"team\", \"$1\", \"project\"", (string)rule["expr"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void ADevStackDropsEveryAlertWhateverItsRouting()
    {
        var dev = Stacks.Valid(Stacks.Config(
            "platform:environment: dev",
            "platform:expiresAt: 2099-01-01",
            "platform:cluster: { context: kind-platform }",
            "platform:alerting:\n  receivers:\n    oncall: { type: pagerduty }\n  critical: oncall"), "dev-x");

        var config = AlertmanagerConfig.For(dev.Spec);
        Assert.Equal(["null"], config["receivers"]!.AsArray().Select(r => (string)r!["name"]!));
        Assert.All(config["route"]!["routes"]!.AsArray(), r => Assert.Equal("null", (string)r!["receiver"]!));
        Assert.Empty(AlertmanagerConfig.Receivers(dev.Spec));
    }

    [Fact]
    public void TeamRoutesComeBeforeTheDefaultsAndReceiversReadTheirSecretsFromFiles()
    {
        var config = AlertmanagerConfig.For(Prod().Spec);

        var routes = config["route"]!["routes"]!.AsArray().Select(r => $"{r!["receiver"]} {string.Join(" ", r["matchers"]!.AsArray())}").ToList();
        Assert.Equal("payments-chat team=\"payments\" severity=\"warning\"", routes[2]);
        Assert.Equal(["oncall severity=\"critical\"", "platform-chat severity=\"warning\""], routes[3..]);
        var pagerDuty = config["receivers"]!.AsArray().Single(r => (string)r!["name"]! == "oncall")!["pagerduty_configs"]![0]!;
        Assert.Equal($"{AlertmanagerConfig.SecretDirectory}/oncall", (string)pagerDuty["routing_key_file"]!);
    }

    [Fact]
    public void AWebhooksUrlIsPlainAndItsBearerTokenIsTheSecretFile()
    {
        var spec = Stacks.Valid(Stacks.GcpStaging("platform:alerting:\n  receivers:\n    hook: { type: webhook, url: \"https://hooks.example.com/a\" }\n  critical: hook")).Spec;

        var webhook = AlertmanagerConfig.For(spec)["receivers"]![1]!["webhook_configs"]![0]!;
        Assert.Equal("https://hooks.example.com/a", (string)webhook["url"]!);
        Assert.Equal($"{AlertmanagerConfig.SecretDirectory}/hook", (string)webhook["http_config"]!["authorization"]!["credentials_file"]!);
    }

    [Fact]
    public void AWarningIsInhibitedWhileTheCriticalAlertForTheSameThingFires()
    {
        var inhibit = AlertmanagerConfig.For(Prod().Spec)["inhibit_rules"]![0]!;

        Assert.Equal("severity=\"critical\"", (string)inhibit["source_matchers"]![0]!);
        Assert.Equal("severity=\"warning\"", (string)inhibit["target_matchers"]![0]!);
        Assert.Equal(["alertname", "namespace", "name", "slo", "pool", "instance", "device", "mountpoint", "persistentvolumeclaim", "pod", "container"], inhibit["equal"]!.AsArray().Select(e => (string)e!));
    }
}
