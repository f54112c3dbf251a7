using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Platform.Stacks.Review;

/// <summary>
/// What a change does to the renders of a set of stacks, as Markdown for a pull-request comment: per stack, the
/// node pools, add-on versions, Helm values keys and Kubernetes objects that changed, the capacity headroom and cost
/// shape before and after, then the unified diff of every changed file. It reads two render folders and nothing
/// else, so it needs no cloud access.
/// </summary>
public static class RenderDiff
{
    /// <summary>Entries listed per section before the rest are counted instead.</summary>
    public const int ListLimit = 25;

    /// <summary>
    /// The review of <paramref name="baseDir"/> against <paramref name="headDir"/>. Each is one stack's render (it
    /// holds plan.json) or a folder of them, one subfolder per stack.
    /// </summary>
    public static string Markdown(string baseDir, string headDir)
    {
        ArgumentNullException.ThrowIfNull(baseDir);
        ArgumentNullException.ThrowIfNull(headDir);
        var text = new StringBuilder();
        text.Append("## Render diff\n");
        if (IsRender(baseDir) || IsRender(headDir))
        {
            Stack(text, Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(headDir))), baseDir, headDir);
            return text.ToString();
        }

        var stacks = Subfolders(baseDir).Union(Subfolders(headDir), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (stacks.Count == 0)
        {
            text.Append("\nNo renders found.\n");
        }

        foreach (var stack in stacks)
        {
            Stack(text, stack, Path.Combine(baseDir, stack), Path.Combine(headDir, stack));
        }

        return text.ToString();
    }

    private static void Stack(StringBuilder text, string stack, string baseDir, string headDir)
    {
        var before = Files(baseDir);
        var after = Files(headDir);
        var paths = before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var changed = paths.Where(p => before.GetValueOrDefault(p) != after.GetValueOrDefault(p)).ToList();
        text.Append('\n');
        if (changed.Count == 0)
        {
            text.Append($"### `{stack}`: no change\n");
            return;
        }

        text.Append($"### `{stack}`: {changed.Count} file{(changed.Count == 1 ? string.Empty : "s")} changed\n");
        if (before.Count == 0 || after.Count == 0)
        {
            text.Append(before.Count == 0 ? "\nNew stack: nothing to compare against.\n" : "\nThe stack is no longer rendered.\n");
        }

        var planBefore = Json(before.GetValueOrDefault("plan.json"));
        var planAfter = Json(after.GetValueOrDefault("plan.json"));
        Table(text, "Node pools", "| pool | before | after |", Compare(Pools(planBefore), Pools(planAfter)));
        Table(text, "Add-on versions", "| release | before | after |", Compare(Releases(planBefore), Releases(planAfter)));
        Table(text, "Helm values keys", "| release | key | before | after |", ValuesKeys(before, after));
        Table(text, "Kubernetes objects", "| object | change |", Objects(before, after));
        Table(text, "Capacity and cost", "| figure | before | after |", Compare(Figures(planBefore), Figures(planAfter)));

        text.Append("\n<details><summary>unified diff</summary>\n\n```diff\n");
        foreach (var path in changed)
        {
            text.Append(UnifiedDiff.Write(path, before.GetValueOrDefault(path), after.GetValueOrDefault(path)));
        }

        text.Append("```\n\n</details>\n");
    }

    private static bool IsRender(string dir) => File.Exists(Path.Combine(dir, "plan.json"));

    private static IEnumerable<string> Subfolders(string dir) => Directory.Exists(dir)
        ? Directory.EnumerateDirectories(dir).Where(IsRender).Select(Path.GetFileName).OfType<string>()
        : [];

    /// <summary>Every file of a render by its path relative to the render, with <c>/</c> separators.</summary>
    private static Dictionary<string, string> Files(string dir) => !Directory.Exists(dir)
        ? new Dictionary<string, string>(StringComparer.Ordinal)
        : Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f).Replace('\\', '/'),
            File.ReadAllText,
            StringComparer.Ordinal);

    private static JsonNode? Json(string? text) => text is null ? null : JsonNode.Parse(text);

    /// <summary>Rows for keys whose value differs, with — for a side that lacks the key.</summary>
    private static IEnumerable<string> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) => before.Keys
        .Union(after.Keys, StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k))
        .Select(k => $"| {Cell(k)} | {Cell(before.GetValueOrDefault(k))} | {Cell(after.GetValueOrDefault(k))} |");

    private static SortedDictionary<string, string> Pools(JsonNode? plan)
    {
        var pools = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var pool in plan?["nodePools"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            pools[Str(pool["resourceName"])] =
                $"{Str(pool["machineType"])}{(pool["spot"]?.GetValue<bool>() == true ? " spot" : string.Empty)}, {Str(pool["minTotal"])}–{Str(pool["maxTotal"])} nodes, as {Str(pool["name"])}";
        }

        return pools;
    }

    private static SortedDictionary<string, string> Releases(JsonNode? plan)
    {
        var releases = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var addon in plan?["addons"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            foreach (var release in addon["releases"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                releases[Str(release["name"])] = $"{Str(release["chart"])} {Str(release["version"])} ({Str(addon["mode"])})";
            }
        }

        return releases;
    }

    private static SortedDictionary<string, string> Figures(JsonNode? plan)
    {
        var figures = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (plan?["capacity"]?["headroom"] is JsonObject headroom)
        {
            foreach (var (key, value) in headroom)
            {
                figures[$"headroom {key}"] = Str(value);
            }
        }

        if (plan?["cost"] is JsonObject cost)
        {
            figures["estimated cost per hour, min"] = $"{Str(cost["minPerHour"])} {Str(cost["currency"])}";
            figures["estimated cost per hour, max"] = $"{Str(cost["maxPerHour"])} {Str(cost["currency"])}";
        }

        return figures;
    }

    private static IEnumerable<string> ValuesKeys(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var files = before.Keys.Union(after.Keys, StringComparer.Ordinal)
            .Where(p => p.StartsWith("helm/", StringComparison.Ordinal) && p.EndsWith(".values.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var release = file["helm/".Length..^".values.yaml".Length];
            var a = Flatten(before.GetValueOrDefault(file));
            var b = Flatten(after.GetValueOrDefault(file));
            foreach (var key in a.Keys.Union(b.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k)))
            {
                yield return $"| {release} | `{key}` | {Cell(a.GetValueOrDefault(key))} | {Cell(b.GetValueOrDefault(key))} |";
            }
        }
    }

    private static IEnumerable<string> Objects(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var a = Manifests(before);
        var b = Manifests(after);
        return a.Keys.Union(b.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(key =>
            !a.TryGetValue(key, out var old) ? $"| {Cell(key)} | added |"
            : !b.TryGetValue(key, out var current) ? $"| {Cell(key)} | removed |"
            : old == current ? null
            : $"| {Cell(key)} | changed |").OfType<string>();
    }

    /// <summary>Every object in the render's manifests by <c>Kind namespace/name</c>, with its fields flattened.</summary>
    private static Dictionary<string, string> Manifests(Dictionary<string, string> files)
    {
        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, content) in files.Where(f => f.Key.StartsWith("manifests/", StringComparison.Ordinal)))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            foreach (var document in stream.Documents)
            {
                if (document.RootNode is not YamlMappingNode root)
                {
                    continue;
                }

                var fields = Flatten(root, string.Empty);
                var ns = fields.GetValueOrDefault("metadata.namespace");
                var name = fields.GetValueOrDefault("metadata.name") ?? path;
                objects[$"{fields.GetValueOrDefault("kind")} {(ns is null ? name : $"{ns}/{name}")}"] =
                    string.Join("\n", fields.Select(f => $"{f.Key}={f.Value}"));
            }
        }

        return objects;
    }

    private static SortedDictionary<string, string> Flatten(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? new SortedDictionary<string, string>(StringComparer.Ordinal) : Flatten(stream.Documents[0].RootNode, string.Empty);
    }

    /// <summary>Leaf values by dotted key path; list items as <c>[i]</c>; empty maps and lists as <c>{}</c> and <c>[]</c>.</summary>
    private static SortedDictionary<string, string> Flatten(YamlNode node, string prefix)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Walk(YamlNode current, string path)
        {
            switch (current)
            {
                case YamlMappingNode map when map.Children.Count > 0:
                    foreach (var (key, value) in map.Children)
                    {
                        var name = ((YamlScalarNode)key).Value ?? string.Empty;
                        Walk(value, path.Length == 0 ? name : $"{path}.{name}");
                    }

                    break;
                case YamlMappingNode:
                    leaves[path] = "{}";
                    break;
                case YamlSequenceNode list when list.Children.Count > 0:
                    for (var i = 0; i < list.Children.Count; i++)
                    {
                        Walk(list.Children[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                    }

                    break;
                case YamlSequenceNode:
                    leaves[path] = "[]";
                    break;
                case YamlScalarNode scalar:
                    leaves[path] = scalar.Value ?? string.Empty;
                    break;
            }
        }

        Walk(node, prefix);
        return leaves;
    }

    private static void Table(StringBuilder text, string title, string header, IEnumerable<string> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var columns = header.Count(c => c == '|') - 1;
        text.Append($"\n#### {title}\n\n{header}\n|{string.Concat(Enumerable.Repeat(" --- |", columns))}\n");
        foreach (var row in list.Take(ListLimit))
        {
            text.Append(row).Append('\n');
        }

        if (list.Count > ListLimit)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"\n…and {list.Count - ListLimit} more; the unified diff below has them all.\n"));
        }
    }

    private static string Str(JsonNode? node) => node switch
    {
        null => "—",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>A table cell: — for nothing, pipes escaped, long values shortened.</summary>
    private static string Cell(string? value)
    {
        if (value is null)
        {
            return "—";
        }

        var single = value.Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
        return single.Length > 80 ? $"{single[..77]}..." : single;
    }
}
