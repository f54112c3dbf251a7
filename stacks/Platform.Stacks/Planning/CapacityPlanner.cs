using System.Globalization;
using Platform.Stacks.Addons;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>
/// Checks that the node pools at their largest can hold every tenant quota, the replicas derived from
/// tenant services, and the add-ons' requests, and says by how much they fall short when they cannot.
/// </summary>
public static class CapacityPlanner
{
    /// <summary>Runs the capacity check and returns its figures.</summary>
    public static CapacityPlan Plan(PlatformSpec spec, IReadOnlyList<NodePoolPlan> pools, IReadOnlyList<AddonPlan> addons, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(addons);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var services = spec.Tenants
            .SelectMany(t => t.Services.Select(s => new ServiceReplicas(t.Name, s.Name, s.Replicas, s.Demand)))
            .ToList();
        // What each add-on's values request, as its own file reports it.
        var addonRequests = addons.Aggregate(Resources.Zero, (sum, a) => sum + a.Requests);
        var perNode = addons.Aggregate(Resources.Zero, (sum, a) => sum + a.PerNode);

        // A check that reads a value already reported as invalid stays quiet: its figures would be invented.
        var poolsValid = !diagnostics.HasErrorAt("platform:cluster.zones") && !diagnostics.HasErrorAt("platform:nodePools")
            && !diagnostics.HasErrorAt("platform:network") && pools.All(p => p.AllocatablePerNode.Cpu > 0);
        var tenantsValid = spec.Tenants.ToDictionary(t => t.Name, t => !diagnostics.HasErrorAt($"platform:tenants.{t.Name}"), StringComparer.Ordinal);
        var fleetValid = poolsValid && !diagnostics.HasErrorAt("platform:addons") && !diagnostics.HasErrorAt("platform:tenants");

        var tenantTotal = Resources.Zero;
        foreach (var tenant in spec.Tenants)
        {
            var quota = tenant.Quota.AsResources();
            var demand = tenant.Services.Aggregate(Resources.Zero, (sum, s) => sum + s.Demand);
            if (tenantsValid[tenant.Name])
            {
                CheckServicesFitQuota(tenant, quota, demand, diagnostics);
            }

            tenantTotal += Max(quota, demand);
        }

        if (spec.Cloud == CloudKind.Existing || pools.Count == 0)
        {
            return new CapacityPlan(false, Resources.Zero, tenantTotal, addonRequests, Resources.Zero, services, []);
        }

        var available = pools.Aggregate(Resources.Zero, (sum, p) => sum + (Usable(p, perNode) * p.MaxTotal));
        foreach (var tenant in spec.Tenants.Where(t => poolsValid && tenantsValid[t.Name]))
        {
            var tenantPools = pools.Where(p => tenant.Pools.Contains(p.Role)).ToList();
            var capacity = tenantPools.Aggregate(Resources.Zero, (sum, p) => sum + (Usable(p, perNode) * p.MaxTotal));
            CheckQuotaFitsPools(tenant, capacity, tenantPools, diagnostics);
        }

        var asked = tenantTotal + addonRequests;
        var headroom = available - asked;
        var shortfall = Describe(headroom);
        if (shortfall.Length > 0 && fleetValid && !diagnostics.HasErrorAt("platform:tenants"))
        {
            diagnostics.Error("platform:nodePools", Invariant(
                $"at their largest the pools hold {available} but tenant quotas ({tenantTotal}) and add-ons ({addonRequests}) ask for {asked}; short by {shortfall}; raise maxNodes or use larger machine types"));
        }

        var scaledBy = spec.Cloud == CloudKind.Aws ? "cluster-autoscaler (Helm release)" : "GKE cluster autoscaler";
        var reach = pools.Select(p => new PoolReach(p.Name, scaledBy, p.MinTotal, p.MaxTotal, p.MaxPodsPerNode)).ToList();
        return new CapacityPlan(true, available, tenantTotal, addonRequests, headroom, services, reach);
    }

    private static Resources Usable(NodePoolPlan pool, Resources daemonSets)
    {
        var usable = pool.AllocatablePerNode - daemonSets;
        return new Resources(Math.Max(0, usable.Cpu), Math.Max(0, usable.MemoryBytes), Math.Max(0, usable.Pods));
    }

    private static void CheckServicesFitQuota(TenantSpec tenant, Resources quota, Resources demand, DiagnosticBag diagnostics)
    {
        var over = Describe(quota - demand);
        if (over.Length > 0)
        {
            var replicas = string.Join(", ", tenant.Services.Select(s => Invariant($"{s.Name} {s.Replicas}")));
            diagnostics.Error($"platform:tenants.{tenant.Name}.services", Invariant(
                $"replicas at peak ({replicas}) request {demand}, above the tenant quota ({quota}) by {over}; raise the quota or lower the services' requests"));
        }
    }

    private static void CheckQuotaFitsPools(TenantSpec tenant, Resources capacity, IReadOnlyList<NodePoolPlan> pools, DiagnosticBag diagnostics)
    {
        var poolNames = string.Join(", ", pools.Select(p => p.Role.ToString().ToLowerInvariant()));
        var quota = tenant.Quota;
        var checks = new (string Key, string Text, decimal Asked, decimal Held, string Unit)[]
        {
            ("cpu", quota.Cpu.Text, quota.Cpu.Value, capacity.Cpu, " CPU"),
            ("memory", quota.Memory.Text, quota.Memory.Value / (1024m * 1024 * 1024), capacity.MemoryGiB, " GiB"),
            ("pods", quota.Pods.ToString(CultureInfo.InvariantCulture), quota.Pods, capacity.Pods, " pods"),
        };
        foreach (var (key, text, asked, held, unit) in checks)
        {
            if (asked > held)
            {
                diagnostics.Error($"platform:tenants.{tenant.Name}.quota.{key}", Invariant(
                    $"{text} is more than its pools ({poolNames}) hold at max size ({held:0.##}{unit}); short by {asked - held:0.##}{unit}; lower the quota or raise the pools' maxNodes"));
            }
        }
    }

    private static Resources Max(Resources a, Resources b) =>
        new(Math.Max(a.Cpu, b.Cpu), Math.Max(a.MemoryBytes, b.MemoryBytes), Math.Max(a.Pods, b.Pods));

    /// <summary>Lists the negative parts of a headroom as a shortfall, e.g. <c>12.5 CPU, 3 GiB memory</c>; empty when nothing is short.</summary>
    private static string Describe(Resources headroom)
    {
        var parts = new List<string>();
        if (headroom.Cpu < 0)
        {
            parts.Add(Invariant($"{-headroom.Cpu:0.##} CPU"));
        }

        if (headroom.MemoryBytes < 0)
        {
            parts.Add(Invariant($"{-headroom.MemoryGiB:0.##} GiB memory"));
        }

        if (headroom.Pods < 0)
        {
            parts.Add(Invariant($"{-headroom.Pods:0} pods"));
        }

        return string.Join(", ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
