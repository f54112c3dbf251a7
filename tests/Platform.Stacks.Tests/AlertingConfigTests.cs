namespace Platform.Stacks.Tests;

/// <summary>Binding of the SLO indicator keys, <c>platform:alerting</c> and <c>platform:receiverSecrets</c>.</summary>
public class AlertingConfigTests
{
    private const string Payments = """
        platform:tenants:
          payments:
            services:
              api: { peakQps: 100, qpsPerPod: 50 }
        """;

    private static string Slo(string body) => $"platform:slos:\n  api: {{ tenant: payments, objective: 99.9, {body} }}";

    private static string Alerting(string body) => "platform:alerting:\n" + string.Concat(body.Split('\n').Select(l => $"  {l}\n")).TrimEnd('\n');

    private const string TwoReceivers = """
        receivers:
          oncall: { type: pagerduty }
          chat: { type: slack, channel: "#platform" }
        critical: oncall
        warning: chat
        """;

    [Fact]
    public void ALatencySloReadsItsThresholdInMilliseconds()
    {
        var slo = Assert.Single(Stacks.Valid(Stacks.GcpStaging(Payments, Slo("service: api, latency: 250ms"))).Spec.Slos);

        Assert.Equal(250, slo.LatencyMs);
        Assert.Equal("latency", slo.Kind);
    }

    [Fact]
    public void ALatencyThresholdMustBeABucketOfTheGatewaysHistogram() => Stacks.Rejects(
        Stacks.GcpStaging(Payments, Slo("service: api, latency: 300ms")),
        "platform:slos.api.latency: '300ms' is not a threshold the Gateway's latency histogram counts; use one of 5ms, 10ms, 25ms, 50ms, 100ms, 250ms, 500ms, 1000ms, 2500ms, 5000ms, 10000ms");

    [Fact]
    public void CustomSelectorsReplaceTheGatewayIndicatorAndNeedNoService()
    {
        var slo = Assert.Single(Stacks.Valid(Stacks.GcpStaging(Payments, Slo("""good: 'jobs_total{result="ok"}', total: jobs_total"""))).Spec.Slos);

        Assert.True(slo.IsCustom);
        Assert.Equal("custom", slo.Kind);
        Assert.Null(slo.Service);
    }

    [Fact]
    public void AGoodSelectorNeedsItsTotal() => Stacks.Rejects(
        Stacks.GcpStaging(Payments, Slo("good: jobs_ok_total")),
        "platform:slos.api.total: is required with its pair; give PromQL selectors of both the good and the total event counters, or neither to use the Gateway's metrics");

    [Fact]
    public void ASelectorMustBeACounterWithLabelMatchers() => Stacks.Rejects(
        Stacks.GcpStaging(Payments, Slo("good: 'rate(jobs_total[5m])', total: jobs_total")),
        "platform:slos.api.good: 'rate(jobs_total[5m])' is not a PromQL series selector; give a counter with optional label matchers, e.g. http_requests_total{job=\"api\",code!~\"5..\"}");

    [Fact]
    public void LatencyAndCustomSelectorsDoNotMix() => Stacks.Rejects(
        Stacks.GcpStaging(Payments, Slo("latency: 250ms, good: jobs_ok_total, total: jobs_total")),
        "platform:slos.api.latency: cannot be combined with good and total; the selectors already say which events are good");

    [Fact]
    public void TheGatewayIndicatorNeedsTheServicesRoute() => Stacks.Rejects(
        Stacks.GcpStaging(Payments, Slo("window: 30d")),
        "platform:slos.api.service: is required unless good and total are given: the default indicator reads the Gateway's metrics for the service's HTTPRoute");

    [Fact]
    public void ReceiversRoutesAndTeamsAreBound()
    {
        var alerting = Stacks.Valid(Stacks.GcpStaging(Payments, Alerting(TwoReceivers + "\nteams:\n  payments: { critical: oncall }"))).Spec.Alerting!;

        Assert.Equal(["chat", "oncall"], alerting.Receivers.Select(r => r.Name));
        Assert.Equal("#platform", alerting.Receivers[0].Channel);
        Assert.Equal(("oncall", "chat"), (alerting.Critical, alerting.Warning));
        var team = Assert.Single(alerting.Teams);
        Assert.Equal(("payments", "oncall", (string?)null), (team.Team, team.Critical, team.Warning));
    }

    [Fact]
    public void AReceiverTypeMustBeKnown() => Stacks.Rejects(
        Stacks.GcpStaging(Alerting("receivers:\n  oncall: { type: opsgenie }")),
        "platform:alerting.receivers.oncall.type: 'opsgenie' is not allowed; use pagerduty, slack or webhook");

    [Fact]
    public void ASlackReceiverNeedsAChannel() => Stacks.Rejects(
        Stacks.GcpStaging(Alerting("receivers:\n  chat: { type: slack }")),
        "platform:alerting.receivers.chat.channel: is required for a slack receiver, e.g. \"#platform-alerts\"");

    [Fact]
    public void AWebhookNeedsAnHttpsUrl() => Stacks.Rejects(
        Stacks.GcpStaging(Alerting("receivers:\n  hook: { type: webhook, url: \"http://hooks.example.com/a\" }")),
        "platform:alerting.receivers.hook.url: 'http://hooks.example.com/a' must be an https URL, so the bearer token is never sent in clear");

    [Fact]
    public void ARouteMustNameAReceiver() => Stacks.Rejects(
        Stacks.GcpStaging(Alerting(TwoReceivers.Replace("critical: oncall", "critical: oncal", StringComparison.Ordinal))),
        "platform:alerting.critical: 'oncal' is not a receiver; did you mean 'oncall'? receivers: chat, oncall");

    [Fact]
    public void ATeamMustBeATenant() => Stacks.Rejects(
        Stacks.GcpStaging(Payments, Alerting(TwoReceivers + "\nteams:\n  paymnets: { critical: oncall }")),
        "platform:alerting.teams.paymnets: is not a tenant; teams are tenants: payments");

    [Fact]
    public void AReceiverSecretInPlainTextIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging(Alerting(TwoReceivers), "platform:receiverSecrets:\n  oncall: routing-key"),
        "platform:receiverSecrets.oncall: is in plain text; set it as a secret with pulumi config set --secret --path 'platform:receiverSecrets.oncall' <url or key>");

    [Fact]
    public void AReceiverSecretMustNameAReceiver() => Stacks.Rejects(
        Stacks.GcpStaging(Alerting(TwoReceivers), "platform:receiverSecrets:\n  pager: { secure: AAABAQ== }"),
        "platform:receiverSecrets.pager: is not a receiver of platform:alerting; receivers: chat, oncall");

    [Fact]
    public void AReceiverWithoutItsSecretIsAWarningThatNamesTheCommand()
    {
        var result = Stacks.Plan(Stacks.GcpStaging(Alerting(TwoReceivers), "platform:receiverSecrets:\n  oncall: { secure: AAABAQ== }"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings, w => w.Key.StartsWith("platform:receiverSecrets", StringComparison.Ordinal));
        Assert.Equal("platform:receiverSecrets.chat: is not set, so `pulumi up` stops until it is; set it with pulumi config set --secret --path 'platform:receiverSecrets.chat' <url or key>", warning.ToString());
    }

    [Fact]
    public void AReceiverSecretMapEncryptedWholeIsLeftToTheProgram()
    {
        var result = Stacks.Plan(Stacks.GcpStaging(Alerting(TwoReceivers), "platform:receiverSecrets: { secure: AAABAQ== }"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.DoesNotContain(result.Warnings, w => w.Key.StartsWith("platform:receiverSecrets", StringComparison.Ordinal));
    }
}
