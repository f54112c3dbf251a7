using System.Globalization;
using Platform.Stacks.Addons;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Binding;

/// <content>Binding of <c>platform:tenants</c> and <c>platform:slos</c>.</content>
public sealed partial class SpecBinder
{
    private static readonly string[] Windows = ["7d", "14d", "28d", "30d"];

    /// <summary>
    /// Latency thresholds a default indicator can count exactly: the bucket bounds, in milliseconds, of the Gateway
    /// proxy's request-time histogram.
    /// </summary>
    public static IReadOnlyList<int> LatencyBuckets { get; } = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    /// <summary>Namespaces a tenant may not take: Kubernetes' own and the add-ons'.</summary>
    public static IReadOnlySet<string> ReservedNamespaces { get; } = new SortedSet<string>(
        new[] { "default", "kube-system", "kube-public", "kube-node-lease", "platform", "calico-system", "calico-apiserver" }
            .Concat(AddonCatalog.All.Select(a => a.Namespace)),
        StringComparer.Ordinal);

    private List<TenantSpec> BindTenants(IReadOnlyList<NodePoolSpec> pools)
    {
        var key = Key("tenants");
        var map = MapReader.Open(key, _raw.Get(key), _diagnostics);
        var tenants = new List<TenantSpec>();
        if (map is null)
        {
            return tenants;
        }

        foreach (var (name, node) in map.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var tenantKey = map.Child(name);
            if (Syntax.DnsLabelProblem(name) is { } problem)
            {
                _diagnostics.Error(tenantKey, $"is not a valid tenant name: it {problem} (it becomes the namespace)");
                continue;
            }

            if (ReservedNamespaces.Contains(name) || name.StartsWith("kube-", StringComparison.Ordinal))
            {
                _diagnostics.Error(tenantKey, $"'{name}' is a reserved namespace; choose another tenant name");
                continue;
            }

            var tenant = MapReader.Open(tenantKey, node, _diagnostics);
            if (tenant is not null)
            {
                tenants.Add(BindTenant(tenant, name, pools));
            }
        }

        return tenants;
    }

    private TenantSpec BindTenant(MapReader tenant, string name, IReadOnlyList<NodePoolSpec> pools)
    {
        var group = tenant.String("group");
        if (group is { Length: 0 })
        {
            _diagnostics.Error(tenant.Child("group"), "must not be empty; give the team's group, e.g. team-payments@acme.com, or remove the key");
        }

        var fallback = ProfileDefaults.TenantQuota(_profile);
        var quotaMap = tenant.Map("quota");
        var quota = new TenantQuota(
            Pick(tenant.Child("quota.cpu"), quotaMap?.Quantity("cpu"), fallback.Cpu, ProfileOrigin),
            Pick(tenant.Child("quota.memory"), quotaMap?.Quantity("memory"), fallback.Memory, ProfileOrigin),
            Pick(tenant.Child("quota.pods"), quotaMap?.Int("pods", 1, 100_000), fallback.Pods, ProfileOrigin));
        quotaMap?.RejectUnknown();

        var poolNames = tenant.StringList("pools", "node pool roles");
        OnlyFor(tenant, "pools", CloudKind.Gcp, CloudKind.Aws);
        var roles = new List<NodePoolRole>();
        for (var i = 0; i < (poolNames?.Count ?? 0); i++)
        {
            var itemKey = $"{tenant.Child("pools")}[{i}]";
            var role = MapReader.ParseChoice(itemKey, poolNames![i], Roles, _diagnostics);
            if (role is null)
            {
                continue;
            }

            if (role == NodePoolRole.System)
            {
                _diagnostics.Error(itemKey, "'system' is reserved for critical add-ons; use general, compute or stateful");
            }
            else if (IsCloud && !pools.Any(p => p.Role == role))
            {
                var enabled = pools.Where(p => p.Role != NodePoolRole.System).Select(p => Lower(p.Role));
                _diagnostics.Error(itemKey, $"'{Lower(role.Value)}' is not an enabled node pool; enabled: {string.Join(", ", enabled)}");
            }
            else if (!roles.Contains(role.Value))
            {
                roles.Add(role.Value);
            }
        }

        if (poolNames is { Count: 0 })
        {
            _diagnostics.Error(tenant.Child("pools"), "is empty; list at least one pool, e.g. [general]");
        }

        IReadOnlyList<NodePoolRole> tenantPools = IsCloud
            ? PickRef(tenant.Child("pools"), poolNames is null ? null : roles, [NodePoolRole.General], "default")
            : [];

        var services = BindServices(tenant);
        tenant.RejectUnknown();
        return new TenantSpec(name, Record(tenant.Child("group"), group), quota, tenantPools, services);
    }

    private List<ServiceSpec> BindServices(MapReader tenant)
    {
        var map = tenant.Map("services");
        var services = new List<ServiceSpec>();
        if (map is null)
        {
            return services;
        }

        foreach (var (name, node) in map.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var key = map.Child(name);
            if (Syntax.DnsLabelProblem(name) is { } problem)
            {
                _diagnostics.Error(key, $"is not a valid service name: it {problem}");
                continue;
            }

            var service = MapReader.Open(key, node, _diagnostics);
            if (service is null)
            {
                continue;
            }

            var peak = service.Decimal("peakQps", 0m, 10_000_000m, minExclusive: true);
            var perPod = service.Decimal("qpsPerPod", 0m, 1_000_000m, minExclusive: true);
            var redundancy = service.Decimal("redundancy", 1m, 10m);
            var requests = service.Map("requests");
            var cpu = requests?.Quantity("cpu");
            var memory = requests?.Quantity("memory");
            requests?.RejectUnknown();
            service.RejectUnknown();
            foreach (var required in new[] { "peakQps", "qpsPerPod" })
            {
                if (!service.Has(required))
                {
                    _diagnostics.Error(service.Child(required), "is required for a service; give a number above 0");
                }
            }

            if (cpu is { Value: 0 })
            {
                _diagnostics.Error($"{key}.requests.cpu", $"{cpu} must be above 0; replicas need a CPU request to be planned");
            }

            services.Add(new ServiceSpec(
                name,
                peak ?? 1m,
                perPod ?? 1m,
                Pick($"{key}.redundancy", redundancy, 1.5m, "default"),
                Pick($"{key}.requests.cpu", cpu, new Quantity("250m", 0.25m), "default"),
                Pick($"{key}.requests.memory", memory, new Quantity("256Mi", 256m * 1024 * 1024), "default")));
        }

        return services;
    }

    private List<SloSpec> BindSlos(IReadOnlyList<TenantSpec> tenants)
    {
        var key = Key("slos");
        var map = MapReader.Open(key, _raw.Get(key), _diagnostics);
        var slos = new List<SloSpec>();
        if (map is null)
        {
            return slos;
        }

        var tenantsByName = tenants.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var (name, node) in map.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var sloKey = map.Child(name);
            if (Syntax.DnsLabelProblem(name) is { } problem)
            {
                _diagnostics.Error(sloKey, $"is not a valid SLO name: it {problem}");
                continue;
            }

            var slo = MapReader.Open(sloKey, node, _diagnostics);
            if (slo is null)
            {
                continue;
            }

            var tenantName = slo.String("tenant");
            var serviceName = slo.String("service");
            var objective = slo.Decimal("objective", 90m, 99.999m);
            var window = slo.String("window");
            var latency = slo.String("latency");
            var good = slo.String("good");
            var total = slo.String("total");
            slo.RejectUnknown();
            var tenant = tenantName is null ? null : tenantsByName.GetValueOrDefault(tenantName);
            if (tenantName is null && !slo.Has("tenant"))
            {
                _diagnostics.Error(slo.Child("tenant"), "is required; name the tenant that owns the SLO");
            }
            else if (tenantName is not null && tenant is null && !_diagnostics.HasErrorAt($"{Key("tenants")}.{tenantName}"))
            {
                var known = tenants.Select(t => t.Name).ToList();
                var guess = Suggest.Closest(tenantName, known);
                var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
                _diagnostics.Error(slo.Child("tenant"), $"'{tenantName}' is not a tenant; {hint}tenants: {(known.Count == 0 ? "none defined" : string.Join(", ", known))}");
            }

            if (serviceName is not null && tenant is not null && !tenant.Services.Any(s => s.Name == serviceName))
            {
                var known = tenant.Services.Select(s => s.Name).ToList();
                _diagnostics.Error(slo.Child("service"), $"'{serviceName}' is not a service of tenant '{tenant.Name}'; services: {(known.Count == 0 ? "none declared" : string.Join(", ", known))}");
            }

            if (objective is null && !slo.Has("objective"))
            {
                _diagnostics.Error(slo.Child("objective"), "is required; give a percentage from 90 to 99.999, e.g. 99.9");
            }

            if (window is not null && !Windows.Contains(window, StringComparer.Ordinal))
            {
                _diagnostics.Error(slo.Child("window"), $"{MapReader.Show(window)} is not allowed; use {Suggest.OneOf(Windows)}");
            }

            var latencyMs = latency is null ? null : LatencyThreshold(slo.Child("latency"), latency);
            if (latencyMs is not null)
            {
                _sources[slo.Child("latency")] = "config";
            }

            CheckIndicator(slo, serviceName, latency, good, total);
            slos.Add(new SloSpec(
                name,
                tenantName ?? string.Empty,
                Record(slo.Child("service"), serviceName),
                objective ?? 99.9m,
                PickRef(slo.Child("window"), window, "30d", "default"),
                latencyMs,
                Record(slo.Child("good"), good),
                Record(slo.Child("total"), total)));
            _sources[slo.Child("objective")] = "config";
        }

        return slos;
    }

    private int? LatencyThreshold(string key, string text)
    {
        var allowed = string.Join(", ", LatencyBuckets.Select(b => $"{b}ms"));
        if (!text.EndsWith("ms", StringComparison.Ordinal)
            || !int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !LatencyBuckets.Contains(ms))
        {
            _diagnostics.Error(key, $"{MapReader.Show(text)} is not a threshold the Gateway's latency histogram counts; use one of {allowed}");
            return null;
        }

        return ms;
    }

    private void CheckIndicator(MapReader slo, string? service, string? latency, string? good, string? total)
    {
        if ((good is null) != (total is null) && !slo.Has(good is null ? "good" : "total"))
        {
            var missing = good is null ? "good" : "total";
            _diagnostics.Error(slo.Child(missing), "is required with its pair; give PromQL selectors of both the good and the total event counters, or neither to use the Gateway's metrics");
        }

        foreach (var (name, selector) in new[] { ("good", good), ("total", total) })
        {
            if (selector is not null && !CounterSelector().IsMatch(selector))
            {
                _diagnostics.Error(slo.Child(name), $"{MapReader.Show(selector)} is not a PromQL series selector; give a counter with optional label matchers, e.g. http_requests_total{{job=\"api\",code!~\"5..\"}}");
            }
        }

        if (good is not null && total is not null && latency is not null)
        {
            _diagnostics.Error(slo.Child("latency"), "cannot be combined with good and total; the selectors already say which events are good");
        }
        else if (good is null && total is null && service is null && !slo.Has("service"))
        {
            _diagnostics.Error(slo.Child("service"), "is required unless good and total are given: the default indicator reads the Gateway's metrics for the service's HTTPRoute");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^{}]*\})?$""", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CounterSelector();
}
