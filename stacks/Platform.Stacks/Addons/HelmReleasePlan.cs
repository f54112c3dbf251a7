using System.Text.Json.Nodes;

namespace Platform.Stacks.Addons;

/// <summary>One Helm release the program installs, with the exact values it hands to Helm.</summary>
/// <param name="Name">Release name.</param>
/// <param name="Addon">Catalog add-on it belongs to.</param>
/// <param name="Namespace">Target namespace.</param>
/// <param name="Chart">The pinned chart.</param>
/// <param name="DependsOn">Releases that must be ready first.</param>
/// <param name="Values">The values, in the order they are written.</param>
public sealed record HelmReleasePlan(string Name, string Addon, string Namespace, ChartRef Chart, IReadOnlyList<string> DependsOn, JsonObject Values)
{
    /// <summary>Where the render writes the values.</summary>
    public string ValuesFile => $"helm/{Name}.values.yaml";
}
