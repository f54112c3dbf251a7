using System.Text.Json.Nodes;

namespace Platform.Stacks.Addons;

/// <summary>Pieces of Helm values that many charts spell the same way.</summary>
public static class ValueParts
{
    /// <summary>Requests of CPU and memory, and a memory limit (no CPU limit, so pods are not throttled).</summary>
    public static JsonObject Resources(string cpu, string memory, string memoryLimit) => new()
    {
        ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory },
        ["limits"] = new JsonObject { ["memory"] = memoryLimit },
    };

    /// <summary>Spreads the pods matching <paramref name="matchLabels"/> over zones, preferring but not requiring balance.</summary>
    public static JsonArray ZoneSpread(params (string Key, string Value)[] matchLabels)
    {
        var labels = new JsonObject();
        foreach (var (key, value) in matchLabels)
        {
            labels[key] = value;
        }

        return new JsonArray(new JsonObject
        {
            ["maxSkew"] = 1,
            ["topologyKey"] = "topology.kubernetes.io/zone",
            ["whenUnsatisfiable"] = "ScheduleAnyway",
            ["labelSelector"] = new JsonObject { ["matchLabels"] = labels },
        });
    }
}
