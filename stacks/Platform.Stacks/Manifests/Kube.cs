using System.Text.Json.Nodes;

namespace Platform.Stacks.Manifests;

/// <summary>Small builders for Kubernetes objects as ordered JSON trees.</summary>
public static class Kube
{
    /// <summary>A new object with apiVersion, kind and metadata in the conventional order.</summary>
    public static JsonObject Object(string apiVersion, string kind, string name, string? ns = null, JsonObject? labels = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (labels is not null)
        {
            metadata["labels"] = labels;
        }

        return new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = metadata,
        };
    }

    /// <summary>A JSON array of strings.</summary>
    public static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>The labels every object the platform creates carries.</summary>
    public static JsonObject ManagedLabels(params (string Key, string Value)[] extra)
    {
        var labels = new JsonObject { ["app.kubernetes.io/managed-by"] = "platform" };
        foreach (var (key, value) in extra)
        {
            labels[key] = value;
        }

        return labels;
    }
}
