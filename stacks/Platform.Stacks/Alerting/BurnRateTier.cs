namespace Platform.Stacks.Alerting;

/// <summary>
/// One condition of a multi-window, multi-burn-rate alert: the error ratio over both windows is above
/// <see cref="Factor"/> times the error budget. The long window says the budget is burning that fast; the short one
/// says it still is, so the alert stops soon after the burning does.
/// </summary>
/// <param name="Long">The long window, e.g. 1h.</param>
/// <param name="Short">The short window, e.g. 5m.</param>
/// <param name="Factor">
/// The burn rate: how many times faster than "exactly used up at the end of the SLO window" the budget is spent.
/// </param>
/// <param name="Severity">critical (pages) or warning (a ticket).</param>
public sealed record BurnRateTier(string Long, string Short, decimal Factor, string Severity)
{
    /// <summary>
    /// The four tiers of the SRE workbook's recommendation. For a 30-day SLO they page at 2% of the budget spent in an
    /// hour or 5% in six hours, and open a ticket at 10% in a day or in three days. The factors are burn rates, so they
    /// hold for every window: a burn rate of 1 spends exactly the budget over the SLO's window.
    /// </summary>
    public static IReadOnlyList<BurnRateTier> All { get; } =
    [
        new("1h", "5m", 14.4m, Severities.Critical),
        new("6h", "30m", 6m, Severities.Critical),
        new("1d", "2h", 3m, Severities.Warning),
        new("3d", "6h", 1m, Severities.Warning),
    ];

    /// <summary>Every window a recording rule is kept for, shortest first.</summary>
    public static IReadOnlyList<string> Windows { get; } = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"];

    /// <summary>How far above and below a threshold the rule tests probe it.</summary>
    public const decimal TestMargin = 0.2m;

    /// <summary>The error ratio above which this tier fires, for an error budget.</summary>
    public decimal Threshold(decimal budget) => Factor * budget;

    /// <summary>
    /// Whether the tier can fire and be tested for a budget: an error ratio <see cref="TestMargin"/> above its threshold
    /// must still be possible (at most 1). For objectives below about 94% the one-hour tier is left out, as it would
    /// need nearly every request to fail; the six-hour tier still pages.
    /// </summary>
    public bool AppliesTo(decimal budget) => Threshold(budget) * (1m + TestMargin) <= 1m;
}

/// <summary>The severities alerts carry, which Alertmanager routes and inhibits on.</summary>
public static class Severities
{
    /// <summary>Pages someone now.</summary>
    public const string Critical = "critical";

    /// <summary>Needs attention within working hours.</summary>
    public const string Warning = "warning";
}
