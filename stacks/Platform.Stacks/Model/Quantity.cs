using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Stacks.Model;

/// <summary>A Kubernetes resource quantity such as <c>500m</c>, <c>40</c> or <c>80Gi</c>.</summary>
/// <param name="Text">The text as written, used for output so manifests say what the user said.</param>
/// <param name="Value">The amount in base units: cores for CPU, bytes for memory.</param>
public readonly partial record struct Quantity(string Text, decimal Value)
{
    private static readonly Dictionary<string, decimal> Suffixes = new(StringComparer.Ordinal)
    {
        [""] = 1m,
        ["m"] = 0.001m,
        ["k"] = 1e3m,
        ["M"] = 1e6m,
        ["G"] = 1e9m,
        ["T"] = 1e12m,
        ["P"] = 1e15m,
        ["Ki"] = 1024m,
        ["Mi"] = 1024m * 1024,
        ["Gi"] = 1024m * 1024 * 1024,
        ["Ti"] = 1024m * 1024 * 1024 * 1024,
        ["Pi"] = 1024m * 1024 * 1024 * 1024 * 1024,
    };

    /// <summary>The suffixes a quantity may carry.</summary>
    public static IReadOnlyCollection<string> AllowedSuffixes => Suffixes.Keys.Where(k => k.Length > 0).ToList();

    /// <summary>Parses a quantity; returns false for anything Kubernetes would not accept as a plain quantity.</summary>
    public static bool TryParse(string text, out Quantity quantity)
    {
        quantity = default;
        if (string.IsNullOrEmpty(text) || text.Length > 32)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success || !Suffixes.TryGetValue(match.Groups[2].Value, out var factor))
        {
            return false;
        }

        if (!decimal.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        try
        {
            quantity = new Quantity(text, number * factor);
        }
        catch (OverflowException)
        {
            return false;
        }

        return true;
    }

    /// <summary>Builds a quantity from a number of CPU cores.</summary>
    public static Quantity Cores(decimal cores) =>
        new(cores.ToString("0.###", CultureInfo.InvariantCulture), cores);

    /// <summary>Builds a quantity from a number of gibibytes.</summary>
    public static Quantity GiB(decimal gib) =>
        new(gib.ToString("0.###", CultureInfo.InvariantCulture) + "Gi", gib * 1024m * 1024 * 1024);

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex("^([0-9]{1,18}(?:\\.[0-9]{1,9})?)([a-zA-Z]{0,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
