namespace Platform.Stacks.Planning;

/// <summary>A machine or instance type the planner knows the size of.</summary>
/// <param name="Name">Cloud name of the type, e.g. <c>e2-standard-8</c> or <c>m6i.2xlarge</c>.</param>
/// <param name="VCpus">Virtual CPUs.</param>
/// <param name="MemoryGiB">Memory in GiB.</param>
public sealed record MachineType(string Name, int VCpus, decimal MemoryGiB);
