using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Platform.Stacks.Model;

namespace Platform.Stacks.Rendering;

/// <summary>
/// Writes a plan as JSON: the top-level sections in reading order (stack, spec, cluster, network, node pools,
/// capacity, cost, add-ons, manifests, outputs), keys sorted below them, no null branches (a GKE plan has no <c>eks</c>
/// key), invariant number formats and LF line endings.
/// </summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>The plan as canonical JSON text ending in a newline.</summary>
    public static string Write(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var root = new JsonObject
        {
            ["schemaVersion"] = PlatformPlan.SchemaVersion,
            ["stack"] = plan.Spec.Stack,
            ["spec"] = JsonSerializer.SerializeToNode(plan.Spec, Options),
            ["cluster"] = JsonSerializer.SerializeToNode(plan.Cluster, Options),
            ["network"] = JsonSerializer.SerializeToNode(plan.Network, Options),
            ["nodePools"] = JsonSerializer.SerializeToNode(plan.NodePools, Options),
            ["capacity"] = JsonSerializer.SerializeToNode(plan.Capacity, Options),
            ["cost"] = plan.Cost is { } cost ? JsonSerializer.SerializeToNode(cost, Options) : null,
            ["addons"] = new JsonArray(plan.Addons.Select(a => (JsonNode?)new JsonObject
            {
                ["name"] = a.Name,
                ["mode"] = a.Mode,
                ["highAvailability"] = a.HighAvailability,
                ["releases"] = new JsonArray(a.Releases.Select(r => (JsonNode?)new JsonObject
                {
                    ["name"] = r.Name,
                    ["namespace"] = r.Namespace,
                    ["chart"] = r.Chart.Chart,
                    ["chartReference"] = r.Chart.Reference,
                    ["repository"] = r.Chart.Repository,
                    ["version"] = r.Chart.Version,
                    ["dependsOn"] = Strings(r.DependsOn),
                    ["valuesFile"] = r.ValuesFile,
                }).ToArray()),
                ["requests"] = JsonSerializer.SerializeToNode(a.Requests, Options),
                ["perNode"] = JsonSerializer.SerializeToNode(a.PerNode, Options),
                ["workloads"] = JsonSerializer.SerializeToNode(a.Workloads, Options),
                ["identity"] = a.Identity is null ? null : JsonSerializer.SerializeToNode(a.Identity, Options),
            }).ToArray()),
            ["waves"] = new JsonArray(plan.Waves.Select(w => (JsonNode?)Strings(w)).ToArray()),
            ["manifests"] = new JsonArray(plan.Manifests.Select(m => (JsonNode?)new JsonObject
            {
                ["file"] = m.File,
                ["order"] = m.Order,
                ["dependsOnAddons"] = Strings(m.DependsOnAddons),
                ["objects"] = Strings(m.Objects.Select(Describe).ToList()),
            }).ToArray()),
            ["labels"] = JsonSerializer.SerializeToNode(plan.Labels, Options),
            ["outputs"] = Strings(plan.Outputs),
        };
        var sorted = new JsonObject(root
            .Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Sort(p.Value!))));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            sorted.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary><c>Kind namespace/name</c> of a manifest object.</summary>
    public static string Describe(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var metadata = manifest["metadata"]!.AsObject();
        var ns = metadata["namespace"]?.GetValue<string>();
        var name = metadata["name"]!.GetValue<string>();
        return $"{manifest["kind"]!.GetValue<string>()} {(ns is null ? name : $"{ns}/{name}")}";
    }

    private static JsonArray Strings(IReadOnlyList<string> values) => Manifests.Kube.Strings([.. values]);

    private static JsonNode Sort(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new KeyValuePair<string, JsonNode?>(p.Key, Sort(p.Value!)))),
        JsonArray array => new JsonArray(array.Select(i => i is null ? null : Sort(i)).ToArray()),
        _ => node.DeepClone(),
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new QuantityConverter());
        options.Converters.Add(new ResourcesConverter());
        options.Converters.Add(new TaintConverter());
        options.Converters.Add(new DateConverter());
        return options;
    }

    // Dividing by 1 with a large scale drops trailing zeros, so 4.500 is written as 4.5.
    private static decimal Round(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;

    private sealed class QuantityConverter : JsonConverter<Quantity>
    {
        public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The plan is written, never read.");

        public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
    }

    private sealed class TaintConverter : JsonConverter<Taint>
    {
        public override Taint Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The plan is written, never read.");

        public override void Write(Utf8JsonWriter writer, Taint value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    private sealed class DateConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The plan is written, never read.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private sealed class ResourcesConverter : JsonConverter<Resources>
    {
        public override Resources Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("The plan is written, never read.");

        public override void Write(Utf8JsonWriter writer, Resources value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteNumber("cpu", Round(value.Cpu));
            writer.WriteNumber("memoryGiB", Round(value.MemoryGiB));
            writer.WriteNumber("pods", Round(value.Pods));
            writer.WriteEndObject();
        }
    }
}
