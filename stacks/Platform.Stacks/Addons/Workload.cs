using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// One set of pods an add-on runs, with the requests its values give each pod. The capacity check adds these up, so
/// it counts what the add-on really asks for.
/// </summary>
/// <param name="Name">The workload, e.g. controller or webhook.</param>
/// <param name="Replicas">Pods of a Deployment; ignored for a DaemonSet.</param>
/// <param name="PerPod">Requests of one pod (CPU, memory, and one pod slot).</param>
/// <param name="OnEveryNode">True for a DaemonSet: one pod on every node.</param>
/// <param name="HostLevel">True when its pods are privileged or use the host's network or file system.</param>
public sealed record Workload(string Name, int Replicas, Resources PerPod, bool OnEveryNode = false, bool HostLevel = false)
{
    /// <summary>A Deployment of <paramref name="replicas"/> pods requesting <paramref name="cpu"/> cores and <paramref name="memoryMiB"/> MiB each.</summary>
    public static Workload Pods(string name, int replicas, decimal cpu, decimal memoryMiB) =>
        new(name, replicas, Resources.Of(cpu, memoryMiB / 1024m, 1));

    /// <summary>A DaemonSet whose pod requests <paramref name="cpu"/> cores and <paramref name="memoryMiB"/> MiB on every node.</summary>
    public static Workload DaemonSet(string name, decimal cpu, decimal memoryMiB, bool hostLevel = false) =>
        new(name, 1, Resources.Of(cpu, memoryMiB / 1024m, 1), OnEveryNode: true, HostLevel: hostLevel);
}
