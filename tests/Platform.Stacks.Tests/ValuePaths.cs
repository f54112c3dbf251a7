using System.Text.Json.Nodes;

namespace Platform.Stacks.Tests;

/// <summary>The key paths of Helm values, which the add-on tests pin after checking them against the pinned charts.</summary>
internal static class ValuePaths
{
    /// <summary>
    /// Every leaf key path of a values tree, e.g. <c>webhook.resources.requests.cpu</c>; lists are leaves, and so is
    /// every path in <paramref name="opaque"/> (a block in another program's own format, such as Alertmanager's
    /// configuration, which its own tool checks).
    /// </summary>
    public static IReadOnlyList<string> Of(JsonObject values, params string[] opaque) =>
        [.. Walk(values, string.Empty, opaque).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Walk(JsonObject values, string prefix, string[] opaque) =>
        values.SelectMany(p => p.Value is JsonObject { Count: > 0 } child && !opaque.Contains($"{prefix}{p.Key}")
            ? Walk(child, $"{prefix}{p.Key}.", opaque)
            : [$"{prefix}{p.Key}"]);
}
