using System.Text.Json;

namespace Platform.Stacks.Config;

/// <summary>
/// Reads configuration in the form the Pulumi engine hands it to a program: a JSON object of
/// full keys to string values, where structured (map or list) values are JSON text.
/// </summary>
public static class EngineConfigReader
{
    /// <summary>Converts the engine's config object into a <see cref="RawConfig"/>.</summary>
    /// <param name="stack">The stack name.</param>
    /// <param name="engineConfigJson">JSON text such as <c>{"platform:cluster":"{\"name\":\"prod\"}"}</c>.</param>
    /// <param name="secretKeysJson">
    /// The engine's list of keys holding secrets (a JSON array), which are read as <see cref="ConfigSecret"/>: the
    /// engine hands the program their values decrypted, but the plan must treat them exactly as the offline render
    /// does, where they stay encrypted.
    /// </param>
    public static RawConfig Parse(string stack, string? engineConfigJson, string? secretKeysJson = null)
    {
        if (string.IsNullOrWhiteSpace(engineConfigJson))
        {
            return new RawConfig(stack, []);
        }

        var secrets = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(secretKeysJson))
        {
            using var keys = JsonDocument.Parse(secretKeysJson);
            secrets.UnionWith(keys.RootElement.EnumerateArray().Select(k => k.GetString()!));
        }

        using var document = JsonDocument.Parse(engineConfigJson);
        var values = new List<KeyValuePair<string, ConfigNode>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            values.Add(new(property.Name, secrets.Contains(property.Name) ? new ConfigSecret() : FromTopLevel(property.Value)));
        }

        return new RawConfig(stack, values);
    }

    /// <summary>Converts a parsed JSON value into a <see cref="ConfigNode"/>.</summary>
    public static ConfigNode FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new ConfigMapping(
            element.EnumerateObject().Select(p => new KeyValuePair<string, ConfigNode>(p.Name, FromJson(p.Value))).ToList()),
        JsonValueKind.Array => new ConfigSequence(element.EnumerateArray().Select(FromJson).ToList()),
        JsonValueKind.String => new ConfigScalar(element.GetString()!, Quoted: true),
        JsonValueKind.Number => new ConfigScalar(element.GetRawText(), Quoted: false),
        JsonValueKind.True => new ConfigScalar("true", Quoted: false),
        JsonValueKind.False => new ConfigScalar("false", Quoted: false),
        _ => new ConfigNull(),
    };

    private static ConfigNode FromTopLevel(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return FromJson(value);
        }

        var text = value.GetString()!;
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                using var nested = JsonDocument.Parse(text);
                return FromJson(nested.RootElement);
            }
            catch (JsonException)
            {
                // Not JSON after all: keep it as the plain string the user set.
            }
        }

        return new ConfigScalar(text, Quoted: false);
    }
}
