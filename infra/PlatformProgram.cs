using System.Collections.Immutable;
using Platform.Stacks;
using Pulumi;

namespace Platform.Infra;

/// <summary>
/// The program body: plan from config (failing before any resource is registered when config is bad),
/// then build the components the plan asks for and export the outputs it names.
/// </summary>
internal static class PlatformProgram
{
    /// <summary>Runs the program against the current deployment's config.</summary>
    public static IDictionary<string, object?> Run() => Build(PlanOrFail());

    /// <summary>Plans the current stack, or stops the update with every configuration error in one message.</summary>
    public static PlatformPlan PlanOrFail()
    {
        var result = Planner.Plan(EngineConfig.Read());
        if (result.Succeeded)
        {
            return result.Plan!;
        }

        var lines = result.Errors.Select(e => $"  {e}");
        throw new RunException($"stack configuration has {result.Errors.Count} error(s):\n{string.Join("\n", lines)}");
    }

    /// <summary>Creates resources for a plan and returns the stack outputs.</summary>
    public static IDictionary<string, object?> Build(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outputs = new Dictionary<string, object?>
        {
            ["cloud"] = plan.Spec.Cloud.ToString().ToLowerInvariant(),
            ["clusterName"] = plan.Spec.Cluster.Name,
            ["environment"] = plan.Spec.Environment.ToString().ToLowerInvariant(),
            ["helmReleases"] = plan.Releases.ToImmutableSortedDictionary(r => r.Name, r => $"{r.Chart.Chart}@{r.Chart.Version}", StringComparer.Ordinal),
        };
        return outputs;
    }
}
