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

    /// <summary>Tolerates the system pool's taint, so a critical add-on may run there.</summary>
    public static JsonArray SystemPoolTolerations() => new(new JsonObject
    {
        ["key"] = "CriticalAddonsOnly",
        ["operator"] = "Exists",
        ["effect"] = "NoSchedule",
    });

    /// <summary>Prefers, but does not require, the system pool.</summary>
    public static JsonObject PreferSystemPool() => new()
    {
        ["nodeAffinity"] = new JsonObject
        {
            ["preferredDuringSchedulingIgnoredDuringExecution"] = new JsonArray(new JsonObject
            {
                ["weight"] = 100,
                ["preference"] = new JsonObject
                {
                    ["matchExpressions"] = new JsonArray(new JsonObject
                    {
                        ["key"] = Binding.ProfileDefaults.PoolLabel,
                        ["operator"] = "In",
                        ["values"] = new JsonArray("system"),
                    }),
                },
            }),
        },
    };
}
