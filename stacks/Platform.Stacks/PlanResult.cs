using Platform.Stacks.Diagnostics;

namespace Platform.Stacks;

/// <summary>The outcome of planning a stack: a plan, or every configuration error found.</summary>
/// <param name="Plan">The plan; null when there were errors.</param>
/// <param name="Errors">Every error, in the order found.</param>
/// <param name="Warnings">Findings that do not stop the plan, in the order found.</param>
public sealed record PlanResult(PlatformPlan? Plan, IReadOnlyList<Diagnostic> Errors, IReadOnlyList<Diagnostic> Warnings)
{
    /// <summary>True when a plan was produced.</summary>
    public bool Succeeded => Plan is not null;
}
