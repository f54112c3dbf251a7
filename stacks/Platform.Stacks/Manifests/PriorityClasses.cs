using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Manifests;

/// <summary>
/// The platform's PriorityClasses: when nodes are short, what the platform needs to work is scheduled first and
/// evicted last. Kubernetes' own system-cluster-critical and system-node-critical stay above all of them.
/// </summary>
public static class PriorityClasses
{
    /// <summary>Bundle order: before any add-on or tenant refers to a class.</summary>
    public const int Order = 5;

    /// <summary>The CNI, DNS and ingress: without them nothing else is reachable.</summary>
    public const string PlatformCritical = "platform-critical";

    /// <summary>Every other add-on.</summary>
    public const string Platform = "platform";

    /// <summary>Tenant workloads that must keep running when nodes are short.</summary>
    public const string BusinessCritical = "business-critical";

    /// <summary>Tenant workloads that name no class; the cluster's default.</summary>
    public const string Default = "default";

    /// <summary>Interruptible tenant work: never preempts anything.</summary>
    public const string Batch = "batch";

    /// <summary>The classes, highest first: name, value, whether it is the cluster default, whether it may preempt, description.</summary>
    public static IReadOnlyList<(string Name, int Value, bool GlobalDefault, bool Preempts, string Description)> All { get; } =
    [
        (PlatformCritical, 100_000_000, false, true, "The CNI, DNS and ingress of the platform."),
        (Platform, 10_000_000, false, true, "The platform's other add-ons."),
        (BusinessCritical, 1_000_000, false, true, "Tenant workloads that must keep running when nodes are short."),
        (Default, 100_000, true, true, "Tenant workloads that name no priority class."),
        (Batch, 1_000, false, false, "Interruptible tenant work; it waits for room and never preempts."),
    ];

    /// <summary>Builds the bundle; every cluster gets it.</summary>
    public static ManifestBundle? Build(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var objects = All.Select(c =>
        {
            var priorityClass = Kube.Object("scheduling.k8s.io/v1", "PriorityClass", c.Name, labels: Kube.ManagedLabels());
            priorityClass["value"] = c.Value;
            priorityClass["globalDefault"] = c.GlobalDefault;
            priorityClass["preemptionPolicy"] = c.Preempts ? "PreemptLowerPriority" : "Never";
            priorityClass["description"] = c.Description;
            return priorityClass;
        }).ToList();
        return new ManifestBundle(Order, "priority-classes", [], objects);
    }
}
