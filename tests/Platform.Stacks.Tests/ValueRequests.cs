using System.Text.Json.Nodes;
using Platform.Stacks.Addons;
using Platform.Stacks.Model;

namespace Platform.Stacks.Tests;

/// <summary>
/// What a component's values ask of the scheduler, read back from the values, so a test can hold an add-on's
/// <see cref="Workload"/> list (which the capacity check counts) to the values Helm gets.
/// </summary>
internal static class ValueRequests
{
    /// <summary>One pod's requests from a <c>resources</c> block.</summary>
    public static Resources PerPod(JsonNode resources)
    {
        static decimal Parse(JsonNode? text) =>
            Quantity.TryParse((string)text!, out var quantity) ? quantity.Value : throw new FormatException($"not a quantity: {text}");
        var requests = resources["requests"]!;
        return new Resources(Parse(requests["cpu"]), Parse(requests["memory"]), 1);
    }

    /// <summary>
    /// Asserts that each named workload runs as many pods, each asking what its component's values ask;
    /// <paramref name="components"/> maps a workload's name to its component's values.
    /// </summary>
    public static void Match(AddonPlan addon, IReadOnlyDictionary<string, JsonNode> components)
    {
        Assert.Equal(components.Keys.Order(StringComparer.Ordinal), addon.Workloads.Select(w => w.Name).Order(StringComparer.Ordinal));
        Assert.All(addon.Workloads, workload =>
        {
            var component = components[workload.Name];
            Assert.Equal((workload.Name, PerPod(component["resources"]!)), (workload.Name, workload.PerPod));
            if (component["replicas"] is { } replicas)
            {
                Assert.Equal((workload.Name, (int)replicas), (workload.Name, workload.Replicas));
            }
        });
    }
}
