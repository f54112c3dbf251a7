namespace Platform.Stacks.Planning;

/// <summary>A machine or instance type the planner knows the size of.</summary>
/// <param name="Name">Cloud name of the type, e.g. <c>e2-standard-8</c> or <c>m6i.2xlarge</c>.</param>
/// <param name="VCpus">Virtual CPUs.</param>
/// <param name="MemoryGiB">Memory in GiB.</param>
/// <param name="EniMaxPods">
/// aws: pods a node of this type can run under the VPC CNI without prefix delegation, from its network
/// interfaces and addresses per interface: interfaces × (addresses − 1) + 2. Null on gcp.
/// </param>
/// <param name="Arm">aws: an Arm (Graviton) type, which needs the Arm node image.</param>
public sealed record MachineType(string Name, int VCpus, decimal MemoryGiB, int? EniMaxPods = null, bool Arm = false);
