using System.Globalization;
using System.Text;
using Platform.Stacks.Model;

namespace Platform.Stacks.Rendering;

/// <summary>
/// <c>summary.md</c>: the one screen a reviewer reads before plan.json. Every figure comes from the plan; nothing is
/// decided here.
/// </summary>
public static class SummaryMarkdown
{
    /// <summary>The summary as Markdown text ending in a newline.</summary>
    public static string Write(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        var spec = plan.Spec;
        Line(text, $"# Stack `{spec.Stack}`");
        Line(text);
        Line(text, $"{Lower(spec.Environment)} profile. {Cluster(plan)}");
        Line(text);

        Table(
            text,
            "Node pools",
            "| pool | machine type | nodes per zone | zones | nodes in all | spot | pods per node |\n| --- | --- | --- | ---: | --- | --- | ---: |",
            plan.NodePools.Select(pool =>
                $"| `{pool.Name}` | {pool.MachineType} | {pool.MinPerZone}–{pool.MaxPerZone} | {pool.Zones.Count} | {pool.MinTotal}–{pool.MaxTotal} | {YesNo(pool.Spot)} | {pool.MaxPodsPerNode} |"));

        var clusterReleases = plan.ClusterReleases.Select(release =>
            $"| {release.Addon} | Helm, with the cluster | {release.Chart.Chart} | {release.Chart.Version} | — |");
        var addons = plan.Addons.Select(addon =>
        {
            var chart = addon.Release?.Chart;
            var mode = addon.Mode switch
            {
                "helm" => "Helm",
                "managed" => "managed by the cloud",
                _ => "off",
            };
            return $"| {addon.Name} | {mode} | {chart?.Chart ?? "—"} | {chart?.Version ?? "—"} | {(addon.Mode == "disabled" ? "—" : YesNo(addon.HighAvailability))} |";
        });
        Table(text, "Add-ons", "| add-on | delivered as | chart | version | highly available |\n| --- | --- | --- | --- | --- |", clusterReleases.Concat(addons));
        Table(
            text,
            "Tenants",
            "| tenant | CPU | memory | pods | pools | replicas at peak |\n| --- | ---: | ---: | ---: | --- | --- |",
            spec.Tenants.Select(tenant =>
            {
                var replicas = plan.Capacity.Services.Where(s => s.Tenant == tenant.Name).Select(s => $"{s.Service} ×{s.Replicas}").ToList();
                return $"| {tenant.Name} | {tenant.Quota.Cpu} | {tenant.Quota.Memory} | {tenant.Quota.Pods} | {string.Join(", ", tenant.Pools.Select(Lower))} | {(replicas.Count == 0 ? "—" : string.Join(", ", replicas))} |";
            }));

        Table(
            text,
            "SLOs",
            "| SLO | tenant / service | indicator | objective | window | pages (critical) at burn rate | tickets (warning) at burn rate |\n| --- | --- | --- | ---: | --- | --- | --- |",
            spec.Slos.Select(slo =>
            {
                var tiers = Alerting.SloRules.Tiers(slo);
                string Rates(string severity) => string.Join(", ", tiers.Where(t => t.Severity == severity).Select(t => $"{Alerting.Promql.Number(t.Factor)}× over {t.Long}"));
                var indicator = slo.Kind switch
                {
                    "latency" => $"Gateway: answered within {slo.LatencyMs}ms",
                    "availability" => "Gateway: answered without a 5xx",
                    _ => "own counters",
                };
                return $"| {slo.Name} | {slo.Tenant}{(slo.Service is null ? string.Empty : $" / {slo.Service}")} | {indicator} | {Alerting.Promql.Number(slo.Objective)}% | {slo.Window} | {Rates(Alerting.Severities.Critical)} | {Rates(Alerting.Severities.Warning)} |";
            }));
        Line(text, "## Alerting");
        Line(text);
        Line(text, AlertingLine(plan));
        Line(text);
        Line(text, "## Capacity");
        Line(text);
        var capacity = plan.Capacity;
        Line(text, capacity.Checked
            ? $"At their largest the pools hold {capacity.Available}. Tenant quotas ask {capacity.TenantQuotas} and add-ons {capacity.Addons}, which leaves {capacity.Headroom} of headroom."
            : $"Not checked: the plan does not know an existing cluster's nodes. Tenant quotas ask {capacity.TenantQuotas} and add-ons {capacity.Addons}.");
        Line(text);
        Line(text, "## Cost (estimate)");
        Line(text);
        Line(text, CostLine(plan));
        Line(text);
        Line(text, "## Protection");
        Line(text);
        Line(text, Protection(plan));
        Line(text);
        Line(text, "## Expiry");
        Line(text);
        Line(text, spec.ExpiresAt is { } expiry
            ? $"The janitor may destroy this stack after {expiry.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}."
            : "None: only dev stacks expire.");
        return text.ToString();
    }

    private static string Cluster(PlatformPlan plan)
    {
        var cluster = plan.Cluster;
        if (cluster.Gke is { } gke)
        {
            return $"Regional GKE cluster `{cluster.Name}` in project `{gke.Project}`, region {gke.Location}, zones {string.Join(", ", gke.NodeLocations)}; "
                + $"release channel {gke.ReleaseChannel}, network policy {gke.NetworkPolicy.Mode}. API endpoint {Endpoint(gke.PrivateEndpoint, gke.AuthorizedNetworks)}. VPC {plan.Network!.Cidr}.";
        }

        if (cluster.Eks is { } eks)
        {
            return $"EKS cluster `{cluster.Name}`, Kubernetes {eks.Version}, region {eks.Region}, zones {string.Join(", ", plan.Spec.Cluster.Zones)}. "
                + $"API endpoint {Endpoint(!eks.EndpointPublicAccess, eks.PublicAccessCidrs)}. VPC {plan.Network!.Cidr}; admins: {string.Join(", ", eks.Admins.Select(a => $"`{a.PrincipalArn}`"))}.";
        }

        var existing = cluster.Existing!;
        return $"Existing cluster `{cluster.Name}` through kubeconfig context `{existing.Context}`{(existing.Kubeconfig is null ? string.Empty : $" in `{existing.Kubeconfig}`")}; the program creates no cloud resources.";
    }

    private static string CostLine(PlatformPlan plan)
    {
        if (plan.Cost is not { } cost)
        {
            return "Not estimated: the plan does not know an existing cluster's nodes or prices.";
        }

        var pools = string.Join(", ", cost.Pools.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Pool} {p.MinNodes}–{p.MaxNodes} × {p.MachineType} at ${p.NodePerHour}{(p.Spot ? " (spot, priced on demand)" : string.Empty)}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Estimated ${cost.MinPerHour}–${cost.MaxPerHour} {cost.Currency} an hour at {cost.PriceRegion} on-demand list prices of {cost.PricesAsOf}: control plane ${cost.ControlPlanePerHour}, NAT ${cost.NatPerHour}, {pools}. Leaves out {string.Join(", ", cost.Excludes)}.");
    }

    private static string AlertingLine(PlatformPlan plan)
    {
        if (plan.Alerting is not { } alerting)
        {
            return "None: the monitoring stack (prometheus) is not installed, so no rule is evaluated.";
        }

        var rules = $"{alerting.Rules.Count} rule files (alerting/rules/), each with its promtool tests (alerting/tests/).";
        var spec = plan.Spec;
        if (spec.Environment == EnvironmentProfile.Dev)
        {
            return $"{rules} A dev stack sends every alert to the null receiver.";
        }

        if (spec.Alerting is not { } routes)
        {
            return $"{rules} No receivers are configured (platform:alerting), so alerts are only seen in Alertmanager.";
        }

        var teams = routes.Teams.Select(t => $"team {t.Team}: critical → {t.Critical ?? routes.Critical ?? "dropped"}, warning → {t.Warning ?? routes.Warning ?? "dropped"}");
        var receivers = string.Join(", ", routes.Receivers.Select(r => $"{r.Name} ({r.Kind})"));
        return $"{rules} Critical → {routes.Critical ?? "dropped"}, warning → {routes.Warning ?? "dropped"}{string.Concat(teams.Select(t => $"; {t}"))}. Receivers: {receivers}; their secrets come from platform:receiverSecrets.";
    }

    private static string Endpoint(bool privateOnly, IReadOnlyList<string> networks) => privateOnly
        ? $"private{(networks.Count == 0 ? string.Empty : $", reachable from {string.Join(", ", networks)}")}"
        : $"public, limited to {string.Join(", ", networks)}";

    private static string Protection(PlatformPlan plan)
    {
        var cluster = plan.Cluster;
        var deletion = cluster.Gke?.DeletionProtection ?? cluster.Eks?.DeletionProtection ?? false;
        if (cluster.Cloud == CloudKind.Existing)
        {
            return "Nothing: the program creates no cloud resources for an existing cluster.";
        }

        var state = cluster.Protect
            ? "In Pulumi state, the network and the cluster with its identities, keys, log group and OIDC provider are protected; node pools, access entries, core add-ons and providers are not."
            : "Nothing is protected in Pulumi state.";
        var cloud = deletion ? "The cloud's deletion protection is on." : "The cloud's deletion protection is off.";
        var unreachable = cluster.DeleteUnreachable ? " Destroying the stack succeeds even when the cluster is already gone." : string.Empty;
        return $"{state} {cloud}{unreachable}";
    }

    /// <summary>A section with a Markdown table; nothing at all when there are no rows.</summary>
    private static void Table(StringBuilder text, string heading, string header, IEnumerable<string> rows)
    {
        var lines = rows.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        Line(text, $"## {heading}");
        Line(text);
        Line(text, header);
        foreach (var row in lines)
        {
            Line(text, row);
        }

        Line(text);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
