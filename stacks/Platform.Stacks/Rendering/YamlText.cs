using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.Stacks.Rendering;

/// <summary>
/// Writes JSON trees as block-style YAML: keys in the tree's order, two-space indents, and strings quoted
/// whenever YAML could read them as anything other than the same string.
/// </summary>
public static partial class YamlText
{
    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf", ".nan",
    };

    /// <summary>Writes several objects as one multi-document stream, each starting with <c>---</c>.</summary>
    public static string Documents(IEnumerable<JsonObject> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var builder = new StringBuilder();
        foreach (var document in documents)
        {
            builder.Append("---\n");
            WriteMapping(builder, document, 0);
        }

        return builder.ToString();
    }

    /// <summary>Writes one object as a YAML document.</summary>
    public static string Document(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder("---\n");
        if (document.Count == 0)
        {
            builder.Append("{}\n");
        }
        else
        {
            WriteMapping(builder, document, 0);
        }

        return builder.ToString();
    }

    /// <summary>The YAML form of a scalar string: plain when safe, double-quoted otherwise.</summary>
    public static string Scalar(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NeedsQuotes(value) ? JsonSerializer.Serialize(value, QuoteOptions) : value;
    }

    private static void WriteMapping(StringBuilder builder, JsonObject mapping, int indent, bool firstInline = false)
    {
        var first = true;
        foreach (var (key, value) in mapping)
        {
            if (!(first && firstInline))
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append(Scalar(key)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    private static void WriteValue(StringBuilder builder, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject { Count: 0 } or JsonArray { Count: 0 }:
                builder.Append(' ').Append(EmptyForm(value)).Append('\n');
                break;
            case JsonObject child:
                builder.Append('\n');
                WriteMapping(builder, child, indent + 2);
                break;
            case JsonArray items:
                builder.Append('\n');
                WriteSequence(builder, items, indent + 2);
                break;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String && BlockStyle(text.GetValue<string>()) is { } header:
                // A multi-line string (a script, a template) as a literal block, as a person would write it.
                var lines = text.GetValue<string>().TrimEnd('\n').Split('\n');
                builder.Append(' ').Append(header).Append('\n');
                foreach (var line in lines)
                {
                    if (line.Length > 0)
                    {
                        builder.Append(' ', indent + 2).Append(line);
                    }

                    builder.Append('\n');
                }

                break;
            default:
                builder.Append(' ').Append(ScalarOf(value)).Append('\n');
                break;
        }
    }

    /// <summary>
    /// The literal block header for a multi-line string that reads back unchanged as one (<c>|-</c> without a final
    /// line break, <c>|</c> with one), or null when it must stay quoted: a single line, a leading space or blank first
    /// line, trailing spaces, or control characters other than line breaks.
    /// </summary>
    private static string? BlockStyle(string value)
    {
        if (!value.Contains('\n', StringComparison.Ordinal) || value.EndsWith("\n\n", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = value.TrimEnd('\n').Split('\n');
        if (lines[0].Length == 0 || char.IsWhiteSpace(lines[0][0])
            || lines.Any(l => (l.Length > 0 && char.IsWhiteSpace(l[^1])) || l.Any(c => char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF')))
        {
            return null;
        }

        return value.EndsWith('\n') ? "|" : "|-";
    }

    private static void WriteSequence(StringBuilder builder, JsonArray items, int indent)
    {
        foreach (var item in items)
        {
            builder.Append(' ', indent).Append('-');
            switch (item)
            {
                case JsonObject { Count: > 0 } mapping:
                    builder.Append(' ');
                    WriteMapping(builder, mapping, indent + 2, firstInline: true);
                    break;
                case JsonArray { Count: > 0 } nested:
                    builder.Append('\n');
                    WriteSequence(builder, nested, indent + 2);
                    break;
                case JsonObject or JsonArray:
                    builder.Append(' ').Append(EmptyForm(item)).Append('\n');
                    break;
                default:
                    builder.Append(' ').Append(ScalarOf(item)).Append('\n');
                    break;
            }
        }
    }

    private static string EmptyForm(JsonNode? node) => node is JsonArray ? "[]" : "{}";

    private static string ScalarOf(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.String => Scalar(node.GetValue<string>()),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => node.ToJsonString(),
            _ => "null",
        };
    }

    private static bool NeedsQuotes(string value)
    {
        if (value.Length == 0 || Reserved.Contains(value) || Numeric().IsMatch(value) || DateLike().IsMatch(value))
        {
            return true;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal) || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return true;
        }

        return value.Contains(": ", StringComparison.Ordinal)
            || value.Contains(" #", StringComparison.Ordinal)
            || value.EndsWith(':')
            || value.Any(c => char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF');
    }

    [GeneratedRegex("^[-+]?(\\.?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex("^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
