using System.Globalization;

namespace Platform.Stacks.Alerting;

/// <summary>Small helpers for writing PromQL text.</summary>
public static class Promql
{
    /// <summary>A number as PromQL reads it: invariant, without trailing zeros.</summary>
    public static string Number(decimal value) => value.ToString("0.###############", CultureInfo.InvariantCulture);

    /// <summary>A double-quoted PromQL string.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The summed per-second rate of a counter selector over a window.</summary>
    public static string SumRate(string selector, string window) => $"sum(rate({selector}[{window}]))";
}
