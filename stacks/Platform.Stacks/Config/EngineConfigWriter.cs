using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Stacks.Config;

/// <summary>
/// The inverse of <see cref="EngineConfigReader"/>: turns configuration into the engine's form, full keys to
/// strings with maps and lists as JSON text. The <c>platform</c> command sets a dev stack's config this way, so
/// the program later reads back exactly what was planned.
/// </summary>
public static class EngineConfigWriter
{
    /// <summary>Every value of <paramref name="config"/> as the engine holds it; a secret is refused.</summary>
    public static SortedDictionary<string, string> Write(RawConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in config.Values)
        {
            values[key] = node switch
            {
                ConfigScalar scalar => scalar.Text,
                ConfigNull => string.Empty,
                _ => Json(node, key)!.ToJsonString(),
            };
        }

        return values;
    }

    /// <summary>The engine's JSON object of <paramref name="values"/>, as <see cref="EngineConfigReader.Parse"/> reads it.</summary>
    public static string Json(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);

    private static JsonNode? Json(ConfigNode node, string path) => node switch
    {
        ConfigMapping map => new JsonObject(map.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, Json(e.Value, $"{path}.{e.Key}")))),
        ConfigSequence list => new JsonArray(list.Items.Select((item, i) => Json(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"))).ToArray()),
        ConfigScalar { Quoted: true } scalar => JsonValue.Create(scalar.Text),
        ConfigScalar { Text: "true" or "false" } scalar => JsonValue.Create(scalar.Text == "true"),
        ConfigScalar scalar when decimal.TryParse(scalar.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        ConfigScalar scalar => JsonValue.Create(scalar.Text),
        ConfigNull => null,
        _ => throw new InvalidOperationException($"{path} is a secret; a copied stack cannot carry it, set it with pulumi config set --secret"),
    };
}
