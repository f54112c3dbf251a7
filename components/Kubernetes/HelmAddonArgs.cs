using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Platform.Stacks.Addons;
using Pulumi;

namespace Platform.Components.Kubernetes;

/// <summary>
/// Arguments of <see cref="HelmAddon"/>. Nothing has a default: every value is given, usually by
/// <see cref="FromPlan"/>. The cluster is chosen by the Kubernetes provider passed in the component's options.
/// </summary>
public sealed class HelmAddonArgs
{
    /// <summary>Helm release name.</summary>
    public required Input<string> ReleaseName { get; init; }

    /// <summary>Namespace the release is installed into.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Whether Helm creates the namespace. False for namespaces that always exist, such as kube-system.</summary>
    public required Input<bool> CreateNamespace { get; init; }

    /// <summary>The chart: a name in <see cref="Repository"/>, or a full <c>oci://</c> reference.</summary>
    public required Input<string> Chart { get; init; }

    /// <summary>The https chart repository, or null for an OCI chart.</summary>
    public Input<string>? Repository { get; init; }

    /// <summary>Exact chart version; never a range.</summary>
    public required Input<string> Version { get; init; }

    /// <summary>The values handed to Helm, exactly.</summary>
    public required InputMap<object> Values { get; init; }

    /// <summary>
    /// The one mapping from the plan: the values are the plan's, converted as they are, so the render's values file
    /// and the release agree.
    /// </summary>
    public static HelmAddonArgs FromPlan(HelmReleasePlan release, bool createNamespace)
    {
        ArgumentNullException.ThrowIfNull(release);
        var values = new InputMap<object>();
        foreach (var (key, value) in release.Values)
        {
            values.Add(key, Plain(value)!);
        }

        return new HelmAddonArgs
        {
            ReleaseName = release.Name,
            Namespace = release.Namespace,
            CreateNamespace = createNamespace,
            Chart = release.Chart.Reference,
            Repository = release.Chart.IsOci ? null : (Input<string>)release.Chart.Repository,
            Version = release.Chart.Version,
            Values = values,
        };
    }

    /// <summary>A JSON value as the plain objects Pulumi serialises: maps, arrays, strings, numbers and booleans.</summary>
    public static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToImmutableDictionary(p => p.Key, p => Plain(p.Value)!, StringComparer.Ordinal),
        JsonArray list => list.Select(i => Plain(i)!).ToImmutableArray(),
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<int>(out var whole) => whole,
        // Pulumi serialises numbers as doubles and refuses a long.
        JsonValue value when value.TryGetValue<long>(out var big) => (double)big,
        JsonValue value when value.TryGetValue<double>(out var real) => real,
        JsonValue value when value.TryGetValue<decimal>(out var exact) => (double)exact,
        JsonValue value => value.GetValue<string>(),
        _ => throw new ArgumentException($"unsupported JSON value {node.ToJsonString()}", nameof(node)),
    };
}
