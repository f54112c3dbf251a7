using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>Decides how each catalog add-on is delivered and in what order, and checks dependencies are enabled.</summary>
public static class AddonPlanner
{
    /// <summary>Plans every catalog add-on in install order.</summary>
    public static IReadOnlyList<AddonPlan> Plan(PlatformSpec spec, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var plans = new List<AddonPlan>();
        foreach (var definition in AddonCatalog.All)
        {
            var settings = spec.Addons.First(a => a.Name == definition.Name);
            if (!settings.Enabled)
            {
                plans.Add(new AddonPlan(definition.Name, "disabled", settings.HighAvailability, null));
                continue;
            }

            foreach (var dependency in definition.DependsOn.Where(d => !spec.IsEnabled(d)))
            {
                diagnostics.Error($"platform:addons.{definition.Name}.enabled", $"true needs {dependency}, which is disabled; enable platform:addons.{dependency} or disable {definition.Name}");
            }

            // GKE enforces network policy with its own managed Calico, switched on by the cluster itself.
            if (definition.Name == "calico" && spec.Cloud == CloudKind.Gcp)
            {
                plans.Add(new AddonPlan(definition.Name, "managed", settings.HighAvailability, null));
                continue;
            }

            var release = new HelmReleasePlan(
                definition.Release,
                definition.Name,
                definition.Namespace,
                definition.ChartFor(settings.HighAvailability),
                definition.DependsOn.Where(spec.IsEnabled).Select(d => AddonCatalog.Get(d).Release).ToList(),
                AddonValues.For(definition, settings, spec));
            plans.Add(new AddonPlan(definition.Name, "helm", settings.HighAvailability, release));
        }

        return plans;
    }
}
