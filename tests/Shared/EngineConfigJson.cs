using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Platform.Stacks.Tests;

/// <summary>
/// Converts a stack file into the config JSON the engine hands a program: full keys to strings, with
/// maps and lists as JSON text and plain scalars as their text.
/// </summary>
internal static class EngineConfigJson
{
    public static string FromStackFile(string stackFileYaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(stackFileYaml));
        var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in config.Children)
        {
            values[((YamlScalarNode)key).Value!] = value is YamlScalarNode scalar
                ? scalar.Value!
                : JsonSerializer.Serialize(ToPlain(value));
        }

        return JsonSerializer.Serialize(values);
    }

    private static object? ToPlain(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ToPlain(p.Value)),
        YamlSequenceNode list => list.Children.Select(ToPlain).ToList(),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar
            when decimal.TryParse(scalar.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } scalar => scalar.Value == "true",
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };
}
