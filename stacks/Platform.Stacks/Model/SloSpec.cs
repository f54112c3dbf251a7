namespace Platform.Stacks.Model;

/// <summary>A service level objective (<c>platform:slos.&lt;name&gt;</c>).</summary>
/// <param name="Name">SLO name.</param>
/// <param name="Tenant">The tenant that owns it; must exist.</param>
/// <param name="Service">
/// The tenant service it covers; must be declared when given. The default indicator reads the Gateway's metrics for
/// the HTTPRoute of this name in the tenant's namespace.
/// </param>
/// <param name="Objective">Target success percentage, from 90 to 99.999.</param>
/// <param name="Window">Rolling window: 7d, 14d, 28d or 30d. Default 30d.</param>
/// <param name="LatencyMs">
/// For a latency SLO, the threshold in milliseconds: a request is good when it is answered within it. Null for an
/// availability SLO (a request is good unless it fails with a 5xx).
/// </param>
/// <param name="Good">A PromQL selector of a counter of good events, replacing the default indicator; with <paramref name="Total"/>.</param>
/// <param name="Total">A PromQL selector of a counter of all events, replacing the default indicator; with <paramref name="Good"/>.</param>
public sealed record SloSpec(
    string Name,
    string Tenant,
    string? Service,
    decimal Objective,
    string Window,
    int? LatencyMs = null,
    string? Good = null,
    string? Total = null)
{
    /// <summary>Whether the SLO brings its own selectors instead of the Gateway's metrics.</summary>
    public bool IsCustom => Good is not null && Total is not null;

    /// <summary>The kind of objective: <c>availability</c> or <c>latency</c>; <c>custom</c> for own selectors.</summary>
    public string Kind => IsCustom ? "custom" : LatencyMs is null ? "availability" : "latency";

    /// <summary>The share of events that may be bad: 1 − objective.</summary>
    public decimal ErrorBudget => 1m - (Objective / 100m);
}
