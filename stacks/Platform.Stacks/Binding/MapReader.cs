using System.Globalization;
using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Binding;

/// <summary>
/// Reads typed values out of one config map, reporting every wrong type, bad value and unknown key
/// with the full key path. Absent keys read as null so callers can fall back to profile defaults.
/// </summary>
internal sealed class MapReader
{
    private readonly ConfigMapping _map;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public MapReader(string key, ConfigMapping map, DiagnosticBag diagnostics)
    {
        Key = key;
        _map = map;
        _diagnostics = diagnostics;
    }

    /// <summary>The full key of this map, e.g. <c>platform:cluster</c>.</summary>
    public string Key { get; }

    /// <summary>The entries as written, for maps keyed by user-chosen names.</summary>
    public IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries => _map.Entries;

    /// <summary>Opens <paramref name="node"/> as a map; reports and returns null when it is another kind.</summary>
    public static MapReader? Open(string key, ConfigNode? node, DiagnosticBag diagnostics)
    {
        switch (node)
        {
            case null:
                return null;
            case ConfigMapping map:
                return new MapReader(key, map, diagnostics);
            case ConfigNull:
                diagnostics.Error(key, "has no value; give a map or remove the key to use the defaults");
                return null;
            case ConfigSecret:
                diagnostics.Error(key, SecretMessage);
                return null;
            default:
                diagnostics.Error(key, $"expected a map of settings, got {Describe(node)}");
                return null;
        }
    }

    public string Child(string name) => $"{Key}.{name}";

    /// <summary>Marks <paramref name="name"/> as a known key and returns its value, or null when absent.</summary>
    public ConfigNode? Node(string name)
    {
        _known.Add(name);
        foreach (var entry in _map.Entries)
        {
            if (entry.Key == name)
            {
                return entry.Value;
            }
        }

        return null;
    }

    public bool Has(string name) => _map.Entries.Any(e => e.Key == name);

    public MapReader? Map(string name) => Open(Child(name), Node(name), _diagnostics);

    public string? String(string name) => ScalarText(Child(name), Node(name), _diagnostics, "a string");

    public bool? Bool(string name)
    {
        var key = Child(name);
        var text = ScalarText(key, Node(name), _diagnostics, "true or false");
        if (text is null)
        {
            return null;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        _diagnostics.Error(key, $"{Show(text)} is not a boolean; use true or false");
        return null;
    }

    public int? Int(string name, int min, int max)
    {
        var key = Child(name);
        var text = ScalarText(key, Node(name), _diagnostics, "a whole number");
        return text is null ? null : ParseInt(key, text, min, max, _diagnostics);
    }

    public decimal? Decimal(string name, decimal min, decimal max, bool minExclusive = false)
    {
        var key = Child(name);
        var text = ScalarText(key, Node(name), _diagnostics, "a number");
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            _diagnostics.Error(key, $"{Show(text)} is not a number; use a number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        if (value < min || value > max || (minExclusive && value == min))
        {
            var lower = minExclusive ? $"above {min.ToString(CultureInfo.InvariantCulture)}" : $"at least {min.ToString(CultureInfo.InvariantCulture)}";
            _diagnostics.Error(key, $"{text} is out of range; use a number {lower} and at most {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        return value;
    }

    public Quantity? Quantity(string name)
    {
        var key = Child(name);
        var text = ScalarText(key, Node(name), _diagnostics, "a quantity");
        if (text is null)
        {
            return null;
        }

        if (!Model.Quantity.TryParse(text, out var quantity))
        {
            var hint = text.StartsWith('-') ? "must not be negative" : "is not a Kubernetes quantity";
            _diagnostics.Error(key, $"{Show(text)} {hint}; use a number with an optional suffix ({string.Join(", ", Model.Quantity.AllowedSuffixes)}), e.g. 500m, 4 or 16Gi");
            return null;
        }

        return quantity;
    }

    /// <summary>Reads a list of strings; a single string where a list belongs is reported, not guessed.</summary>
    public IReadOnlyList<string>? StringList(string name, string itemNoun)
    {
        var key = Child(name);
        var node = Node(name);
        switch (node)
        {
            case null:
                return null;
            case ConfigNull:
                _diagnostics.Error(key, $"has no value; give a list of {itemNoun}, e.g. [a, b], or [] for none");
                return null;
            case ConfigSequence sequence:
                var items = new List<string>();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var text = ScalarText($"{key}[{i}]", sequence.Items[i], _diagnostics, "a string");
                    if (text is not null)
                    {
                        items.Add(text);
                    }
                }

                return items.Count == sequence.Items.Count ? items : null;
            case ConfigScalar scalar:
                _diagnostics.Error(key, $"expected a list of {itemNoun}, got the single value {Show(scalar.Text)}; write it as [{scalar.Text}]");
                return null;
            default:
                _diagnostics.Error(key, $"expected a list of {itemNoun}, got {Describe(node)}");
                return null;
        }
    }

    /// <summary>Reads a map of strings to strings (labels).</summary>
    public IReadOnlyDictionary<string, string>? StringMap(string name)
    {
        var reader = Map(name);
        if (reader is null)
        {
            return null;
        }

        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in reader.Entries)
        {
            var text = ScalarText(reader.Child(entry.Key), entry.Value, _diagnostics, "a string");
            if (text is not null)
            {
                result[entry.Key] = text;
            }
        }

        return result;
    }

    /// <summary>Reports every key that no accessor asked for, with a did-you-mean when one is close.</summary>
    public void RejectUnknown()
    {
        foreach (var entry in _map.Entries)
        {
            if (_known.Contains(entry.Key))
            {
                continue;
            }

            _diagnostics.Error(Child(entry.Key), UnknownKeyMessage(entry.Key, _known));
        }
    }

    /// <summary>What is said of a secret where the plan needs the value.</summary>
    public const string SecretMessage =
        "is a secret (secure:), which the offline render cannot decrypt, and the plan needs its value; keep this key in plain config";

    public static string UnknownKeyMessage(string key, IEnumerable<string> known)
    {
        var allowed = known.Order(StringComparer.Ordinal).ToList();
        var guess = Suggest.Closest(key, allowed);
        var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
        return $"is not a known key; {hint}allowed keys: {string.Join(", ", allowed)}";
    }

    public static string? ScalarText(string key, ConfigNode? node, DiagnosticBag diagnostics, string expected)
    {
        switch (node)
        {
            case null:
                return null;
            case ConfigScalar scalar:
                return scalar.Text;
            case ConfigNull:
                diagnostics.Error(key, $"has no value; give {expected} or remove the key to use the default");
                return null;
            case ConfigSecret:
                diagnostics.Error(key, SecretMessage);
                return null;
            default:
                diagnostics.Error(key, $"expected {expected}, got {Describe(node)}");
                return null;
        }
    }

    public static int? ParseInt(string key, string text, int min, int max, DiagnosticBag diagnostics)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            var problem = System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
                ? "is out of range"
                : "is not a whole number";
            diagnostics.Error(key, $"{Show(text)} {problem}; use a whole number from {min} to {max}");
            return null;
        }

        if (value < min || value > max)
        {
            diagnostics.Error(key, $"{text} is out of range; use a whole number from {min} to {max}");
            return null;
        }

        return (int)value;
    }

    public static T? ParseChoice<T>(string key, string text, IReadOnlyDictionary<string, T> allowed, DiagnosticBag diagnostics)
        where T : struct
    {
        foreach (var pair in allowed)
        {
            if (pair.Key.Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        var guess = Suggest.Closest(text, allowed.Keys);
        var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
        diagnostics.Error(key, $"{Show(text)} is not allowed; {hint}use {Suggest.OneOf(allowed.Keys)}");
        return null;
    }

    /// <summary>Quotes a value for a message; empty strings and long values stay readable.</summary>
    public static string Show(string text)
    {
        if (text.Length == 0)
        {
            return "'' (empty)";
        }

        var shown = text.Length > 60 ? string.Concat(text.AsSpan(0, 57), "...") : text;
        return $"'{shown}'";
    }

    private static string Describe(ConfigNode node) => node switch
    {
        ConfigScalar s => $"the value {Show(s.Text)}",
        ConfigSecret => "a secret (secure:), which the offline render cannot decrypt",
        _ => node.KindName,
    };
}
