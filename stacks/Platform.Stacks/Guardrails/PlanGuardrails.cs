using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.Stacks.Addons;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Manifests;

namespace Platform.Stacks.Guardrails;

/// <summary>
/// Checks over the whole plan that stop it, naming the add-on and the key, when what the program would install
/// breaks the platform's own rules: an unpinned chart or image, a pod-running add-on without requests or limits,
/// a tenant namespace without default-deny, or a host-level workload outside the CNI and node agents.
/// </summary>
public static partial class PlanGuardrails
{
    /// <summary>Runs every rule; the plan stands only when none reports.</summary>
    public static void Check(IReadOnlyList<AddonPlan> addons, IReadOnlyList<HelmReleasePlan> clusterReleases, IReadOnlyList<ManifestBundle> bundles, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(addons);
        ArgumentNullException.ThrowIfNull(clusterReleases);
        ArgumentNullException.ThrowIfNull(bundles);
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var release in clusterReleases)
        {
            CheckRelease($"platform:cluster ({release.Name})", release, diagnostics);
        }

        foreach (var addon in addons.Where(a => a.Installed))
        {
            var key = $"platform:addons.{addon.Name}";
            foreach (var release in addon.Releases)
            {
                CheckRelease(key, release, diagnostics);
            }

            CheckWorkloads(key, addon, diagnostics);
        }

        CheckTenantsDenyByDefault(bundles, diagnostics);
    }

    private static void CheckRelease(string key, HelmReleasePlan release, DiagnosticBag diagnostics)
    {
        if (!ExactVersion().IsMatch(release.Chart.Version))
        {
            diagnostics.Error(key, $"chart {release.Chart.Chart} is not pinned to an exact version ('{release.Chart.Version}'); pin it where the add-on is defined");
        }

        foreach (var (path, value) in Leaves(release.Values, string.Empty))
        {
            var name = path[(path.LastIndexOf('.') + 1)..];
            if (name == "tag" && value is JsonValue tag && tag.TryGetValue<string>(out var text) && (text.Length == 0 || text == "latest"))
            {
                diagnostics.Error(key, $"values.{path} of release {release.Name} is '{text}'; pin the image to an exact tag");
            }

            if (value is null)
            {
                diagnostics.Error(key, $"values.{path} of release {release.Name} is null; Pulumi drops nulls on the way to Helm, so what is installed would not be what the render shows");
            }

            if (name is "privileged" or "hostNetwork" or "hostPID" or "hostIPC" && value is JsonValue flag && flag.TryGetValue<bool>(out var on) && on)
            {
                diagnostics.Error(key, $"values.{path} of release {release.Name} asks for a host-level pod; only the CNI and node agents may run one");
            }
        }

        // A volume claim's resources (a storage request) are not a pod's.
        var podResources = Objects(release.Values, string.Empty)
            .Where(o => o.Path.EndsWith("resources", StringComparison.Ordinal) && !o.Path.Contains("volumeClaimTemplate.", StringComparison.Ordinal));
        foreach (var (path, resources) in podResources)
        {
            var missing = new[] { "requests.cpu", "requests.memory", "limits.memory" }
                .Where(part => resources[part.Split('.')[0]]?[part.Split('.')[1]] is null)
                .ToList();
            if (missing.Count > 0)
            {
                diagnostics.Error(key, $"values.{path} of release {release.Name} sets no {string.Join(", ", missing)}; every pod of the platform has requests and a memory limit");
            }
        }
    }

    private static void CheckWorkloads(string key, AddonPlan addon, DiagnosticBag diagnostics)
    {
        foreach (var workload in addon.Workloads)
        {
            if (workload.PerPod.Cpu <= 0 || workload.PerPod.MemoryBytes <= 0)
            {
                diagnostics.Error(key, $"workload {workload.Name} requests no CPU or no memory; give its pods requests so the scheduler and the capacity check can place them");
            }

            if (workload.HostLevel && !AddonCatalog.Get(addon.Name).RunsOnHosts)
            {
                diagnostics.Error(key, $"workload {workload.Name} runs host-level pods; only the CNI and node agents may");
            }
        }

        if (addon.Workloads.Count > 0 && addon.Releases.Count > 0 && !addon.Releases.Any(r => Objects(r.Values, string.Empty).Any(o => o.Path.EndsWith("resources", StringComparison.Ordinal))))
        {
            diagnostics.Error(key, "runs pods but its values set no resources; set requests and a memory limit for each of its workloads");
        }
    }

    private static void CheckTenantsDenyByDefault(IReadOnlyList<ManifestBundle> bundles, DiagnosticBag diagnostics)
    {
        // One pass over the objects, so the check stays linear in the number of tenants.
        var objects = bundles.SelectMany(b => b.Objects).ToList();
        var denied = objects
            .Where(IsDenyAll)
            .Select(o => o["metadata"]?["namespace"]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var tenants = objects
            .Where(o => o["kind"]?.GetValue<string>() == "Namespace" && o["metadata"]?["labels"]?[TenancyManifests.TenantLabel] is not null)
            .Select(o => o["metadata"]!["name"]!.GetValue<string>());
        foreach (var tenant in tenants.Where(t => !denied.Contains(t)))
        {
            diagnostics.Error($"platform:tenants.{tenant}", "its namespace has no default-deny NetworkPolicy (all pods, ingress and egress, no rules); every tenant namespace needs one");
        }
    }

    /// <summary>A NetworkPolicy that selects every pod and allows nothing in or out.</summary>
    private static bool IsDenyAll(JsonObject o) =>
        o["kind"]?.GetValue<string>() == "NetworkPolicy"
        && o["spec"]?["podSelector"] is JsonObject { Count: 0 }
        && o["spec"]?["policyTypes"] is JsonArray types
        && types.Select(t => t?.GetValue<string>()).Order(StringComparer.Ordinal).SequenceEqual(["Egress", "Ingress"])
        && o["spec"]?["ingress"] is null
        && o["spec"]?["egress"] is null;

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string path) => node switch
    {
        JsonObject map => map.SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray list => list.SelectMany((item, i) => Leaves(item, $"{path}[{i}]")),
        _ => [(path, node)],
    };

    private static IEnumerable<(string Path, JsonObject Value)> Objects(JsonNode? node, string path) => node switch
    {
        JsonObject map => new[] { (path, map) }.Concat(map.SelectMany(p => Objects(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}"))),
        JsonArray list => list.SelectMany((item, i) => Objects(item, $"{path}[{i}]")),
        _ => [],
    };

    [GeneratedRegex("^v?[0-9]+\\.[0-9]+\\.[0-9]+(-[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ExactVersion();
}
