namespace Platform.Stacks.Model;

/// <summary>A service level objective (<c>platform:slos.&lt;name&gt;</c>).</summary>
/// <param name="Name">SLO name.</param>
/// <param name="Tenant">The tenant that owns it; must exist.</param>
/// <param name="Service">The tenant service it covers; must be declared when given.</param>
/// <param name="Objective">Target success percentage, from 90 to below 100.</param>
/// <param name="Window">Rolling window: 7d, 14d, 28d or 30d. Default 30d.</param>
public sealed record SloSpec(string Name, string Tenant, string? Service, decimal Objective, string Window);
