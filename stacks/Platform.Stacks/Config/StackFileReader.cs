using Platform.Stacks.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Platform.Stacks.Config;

/// <summary>
/// Reads the <c>config:</c> section of a <c>Pulumi.&lt;stack&gt;.yaml</c> file into a <see cref="RawConfig"/>.
/// Duplicate keys, which a YAML map silently collapses elsewhere, are reported as errors.
/// </summary>
public static class StackFileReader
{
    /// <summary>The path of the stack file for <paramref name="stack"/> in <paramref name="directory"/>.</summary>
    public static string PathFor(string directory, string stack) =>
        System.IO.Path.Combine(directory, $"Pulumi.{stack}.yaml");

    /// <summary>Reads and parses the stack file; problems go to <paramref name="diagnostics"/>.</summary>
    public static RawConfig ReadFile(string path, string stack, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!File.Exists(path))
        {
            diagnostics.Error("stack", $"'{stack}' has no stack file: {System.IO.Path.GetFileName(path)} was not found");
            return new RawConfig(stack, []);
        }

        return Parse(File.ReadAllText(path), stack, diagnostics);
    }

    /// <summary>The top-level keys a Pulumi stack file may hold; only <c>config</c> is read here.</summary>
    public static IReadOnlyList<string> FileKeys { get; } = ["config", "encryptedkey", "encryptionsalt", "environment", "secretsprovider"];

    /// <summary>Parses stack-file YAML text; problems go to <paramref name="diagnostics"/>.</summary>
    public static RawConfig Parse(string yaml, string stack, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var file = $"Pulumi.{stack}.yaml";
        ConfigNode? root;
        var parser = new Parser(new StringReader(yaml));
        var loader = new Loader(parser, diagnostics);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return Empty(stack, diagnostics, file);
            }

            parser.Consume<DocumentStart>();
            root = loader.Read(string.Empty);
        }
        catch (YamlException ex)
        {
            diagnostics.Error("stack", TabProblem(yaml, file) ?? $"{file} is not valid YAML (line {ex.Start.Line}): {ex.Message}");
            return new RawConfig(stack, []);
        }
        catch (InvalidOperationException)
        {
            // The scanner gives up without a YamlException on some malformed flow collections.
            diagnostics.Error("stack", $"{file} is not valid YAML (line {loader.LastLine}): check brackets, quotes and indentation there");
            return new RawConfig(stack, []);
        }

        if (root is ConfigNull)
        {
            return Empty(stack, diagnostics, file);
        }

        if (root is not ConfigMapping top)
        {
            diagnostics.Error("stack", $"{file} must be a map with a 'config:' key, got {root.KindName}");
            return new RawConfig(stack, []);
        }

        foreach (var (key, _) in top.Entries.Where(e => !FileKeys.Contains(e.Key, StringComparer.Ordinal)))
        {
            var hint = key.Contains(':', StringComparison.Ordinal)
                ? "it looks like a config key: indent it under 'config:'"
                : Suggest.Closest(key, FileKeys) is { } guess ? $"did you mean '{guess}'?" : $"a stack file holds {Suggest.OneOf(FileKeys)}";
            diagnostics.Error(key, $"is not a stack file key; {hint}");
        }

        var config = top.Entries.FirstOrDefault(e => e.Key == "config").Value;
        if (config is null && top.Entries.All(e => FileKeys.Contains(e.Key, StringComparer.Ordinal)))
        {
            diagnostics.Error("config", $"{file} has no 'config:' section; the stack's settings go under it");
        }

        return config switch
        {
            null or ConfigNull => new RawConfig(stack, []),
            ConfigMapping map => new RawConfig(stack, map.Entries),
            _ => Fail(stack, diagnostics, config),
        };
    }

    private static RawConfig Empty(string stack, DiagnosticBag diagnostics, string file)
    {
        diagnostics.Error("stack", $"{file} is empty; it needs a 'config:' section with the stack's settings");
        return new RawConfig(stack, []);
    }

    /// <summary>YAML forbids tabs in indentation; name the first line and column where one is.</summary>
    private static string? TabProblem(string yaml, string file)
    {
        var lines = yaml.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return $"{file} is not valid YAML (line {i + 1}, column {tab + 1}): a tab is used for indentation; indent with spaces";
            }
        }

        return null;
    }

    private static RawConfig Fail(string stack, DiagnosticBag diagnostics, ConfigNode config)
    {
        diagnostics.Error("config", $"must be a map of config keys, got {config.KindName}");
        return new RawConfig(stack, []);
    }

    private sealed class Loader(IParser parser, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);

        /// <summary>The line of the last node read, for errors the parser reports without one.</summary>
        public int LastLine { get; private set; } = 1;

        public ConfigNode Read(string path)
        {
            var line = (int)parser.Current!.Start.Line;
            LastLine = line;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                return Remember(scalar.Anchor, ToScalar(scalar, line));
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                return _anchors.TryGetValue(alias.Value.Value, out var target) ? target : new ConfigNull(line);
            }

            if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                var items = new List<ConfigNode>();
                var index = 0;
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(Read($"{path}[{index++}]"));
                }

                return Remember(sequenceStart.Anchor, new ConfigSequence(items, line));
            }

            var mappingStart = parser.Consume<MappingStart>();
            var entries = new List<KeyValuePair<string, ConfigNode>>();
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyLine = (int)parser.Current!.Start.Line;
                var keyNode = Read(path);
                var key = keyNode is ConfigScalar s ? s.Text : string.Empty;
                // Keys under the top-level 'config:' map are full config keys, so they start a path afresh.
                var childPath = path is "" or "config" ? key : $"{path}.{key}";
                var value = Read(childPath);
                if (keyNode is ConfigScalar { Text: "<<", Quoted: false })
                {
                    diagnostics.Error(path.Length == 0 ? "config" : path, $"uses a YAML merge key '<<' (line {keyLine}), which stack files here do not support; write the values out");
                    continue;
                }

                if (keyNode is not ConfigScalar)
                {
                    diagnostics.Error(path.Length == 0 ? "config" : path, $"has a key that is {keyNode.KindName} (line {keyLine}); keys must be plain names");
                    continue;
                }

                if (lines.TryGetValue(key, out var firstLine))
                {
                    diagnostics.Error(childPath, $"is defined twice (lines {firstLine} and {keyLine}); keep one");
                    continue;
                }

                lines[key] = keyLine;
                entries.Add(new KeyValuePair<string, ConfigNode>(key, value));
            }

            // Pulumi writes an encrypted value as { secure: <ciphertext> }.
            if (entries is [{ Key: "secure", Value: ConfigScalar }])
            {
                return Remember(mappingStart.Anchor, new ConfigSecret(line));
            }

            return Remember(mappingStart.Anchor, new ConfigMapping(entries, line));
        }

        private ConfigNode Remember(AnchorName anchor, ConfigNode node)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = node;
            }

            return node;
        }

        private static ConfigNode ToScalar(Scalar scalar, int line)
        {
            var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            if (!quoted && scalar.Value is "" or "~" or "null" or "Null" or "NULL")
            {
                return new ConfigNull(line);
            }

            return new ConfigScalar(scalar.Value, quoted, line);
        }
    }
}
