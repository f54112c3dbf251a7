using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Plans every catalog add-on through its own definition, in install order, and checks that what each depends on is
/// enabled. Nothing here knows any add-on by name.
/// </summary>
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
            var context = new AddonContext(spec, settings);
            var mode = definition.Delivery(context);
            if (!settings.Enabled || mode == "disabled")
            {
                plans.Add(new AddonPlan(definition.Name, "disabled", settings.HighAvailability, [], [], []));
                continue;
            }

            foreach (var dependency in definition.DependsOn.Where(d => !spec.IsEnabled(d)))
            {
                diagnostics.Error($"platform:addons.{definition.Name}.enabled", $"true needs {dependency}, which is disabled; enable platform:addons.{dependency} or disable {definition.Name}");
            }

            definition.Validate(context, diagnostics);
            var dependsOn = definition.DependsOn.Concat(definition.After)
                .Where(d => plans.Any(p => p.Name == d && p.Releases.Count > 0))
                .Select(d => AddonCatalog.Get(d).Release)
                .ToList();
            plans.Add(new AddonPlan(
                definition.Name,
                mode,
                settings.HighAvailability,
                mode == "managed" ? [] : definition.Releases(context, dependsOn),
                definition.Workloads(context),
                mode == "managed" ? [] : definition.Objects(context),
                mode == "helm" ? definition.Identity(context) : null,
                mode == "helm" ? definition.Secrets(context) : [],
                mode == "helm" ? definition.Bucket(context) : null));
        }

        return plans;
    }
}
