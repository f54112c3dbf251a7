using System.Globalization;
using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>
/// Sizes of the machine types the capacity check understands, per cloud. A type outside the catalog is
/// refused rather than guessed, so capacity figures are never invented.
/// </summary>
public static class MachineCatalog
{
    private static readonly IReadOnlyDictionary<string, MachineType> Gcp = Build(
        ("e2-standard", 4m, [2, 4, 8, 16, 32]),
        ("e2-highmem", 8m, [2, 4, 8, 16]),
        ("e2-highcpu", 1m, [2, 4, 8, 16, 32]),
        ("n2-standard", 4m, [2, 4, 8, 16, 32, 48, 64]),
        ("n2-highmem", 8m, [2, 4, 8, 16, 32, 48, 64]),
        ("n2-highcpu", 1m, [2, 4, 8, 16, 32, 48, 64]),
        ("n2d-standard", 4m, [2, 4, 8, 16, 32, 48, 64]),
        ("c3-standard", 4m, [4, 8, 22, 44, 88]),
        ("c3-highmem", 8m, [4, 8, 22, 44, 88]),
        ("c3-highcpu", 2m, [4, 8, 22, 44, 88]));

    private static readonly IReadOnlyDictionary<string, MachineType> Aws = BuildAws();

    /// <summary>Looks up a machine type for a cloud; null when the catalog does not know it.</summary>
    public static MachineType? Find(CloudKind cloud, string name) =>
        Types(cloud).TryGetValue(name, out var type) ? type : null;

    /// <summary>
    /// Pods one node of <paramref name="type"/> really runs: on aws the VPC CNI's per-instance limit, which the EKS
    /// node image gives the kubelet; on gcp the configured pods per node.
    /// </summary>
    public static int PodsPerNode(MachineType type, int configured)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.EniMaxPods ?? configured;
    }

    /// <summary>Every known type name for a cloud, sorted.</summary>
    public static IReadOnlyDictionary<string, MachineType> Types(CloudKind cloud) => cloud switch
    {
        CloudKind.Gcp => Gcp,
        CloudKind.Aws => Aws,
        _ => new Dictionary<string, MachineType>(),
    };

    /// <summary>
    /// What a node of this type offers to pods after the kubelet and system reservations, using GKE's
    /// published reservation tiers (a close, slightly conservative match for EKS as well).
    /// </summary>
    public static Resources Allocatable(MachineType type, int maxPodsPerNode)
    {
        ArgumentNullException.ThrowIfNull(type);
        decimal cpu = type.VCpus;
        var reservedCpu = Tier(cpu, (1m, 0.06m), (1m, 0.01m), (2m, 0.005m), (decimal.MaxValue, 0.0025m));
        var memory = type.MemoryGiB;
        var reservedMemory = memory < 1m
            ? 0.25m
            : Tier(memory, (4m, 0.25m), (4m, 0.20m), (8m, 0.10m), (112m, 0.06m), (decimal.MaxValue, 0.02m));
        const decimal evictionGiB = 100m / 1024m;
        return Resources.Of(cpu - reservedCpu, memory - reservedMemory - evictionGiB, maxPodsPerNode);
    }

    private static decimal Tier(decimal amount, params (decimal Width, decimal Rate)[] tiers)
    {
        var reserved = 0m;
        var left = amount;
        foreach (var (width, rate) in tiers)
        {
            var take = Math.Min(left, width);
            reserved += take * rate;
            left -= take;
            if (left <= 0)
            {
                break;
            }
        }

        return reserved;
    }

    private static IReadOnlyDictionary<string, MachineType> Build(params (string Family, decimal GiBPerCpu, int[] Sizes)[] families)
    {
        var types = new SortedDictionary<string, MachineType>(StringComparer.Ordinal);
        foreach (var (family, ratio, sizes) in families)
        {
            foreach (var size in sizes)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{family}-{size}");
                types[name] = new MachineType(name, size, size * ratio);
            }
        }

        return types;
    }

    private static IReadOnlyDictionary<string, MachineType> BuildAws()
    {
        // Network interfaces and IPv4 addresses per interface by size, as EC2 publishes them for these families.
        (string Size, int Cpus, int Enis, int AddressesPerEni)[] sizes =
        [
            ("large", 2, 3, 10), ("xlarge", 4, 4, 15), ("2xlarge", 8, 4, 15), ("4xlarge", 16, 8, 30),
            ("8xlarge", 32, 8, 30), ("12xlarge", 48, 8, 30), ("16xlarge", 64, 15, 50),
        ];
        (string Family, decimal Ratio)[] families =
        [
            ("m6i", 4m), ("m7i", 4m), ("m6a", 4m), ("m7g", 4m),
            ("c6i", 2m), ("c7i", 2m), ("c6a", 2m), ("c7g", 2m),
            ("r6i", 8m), ("r7i", 8m), ("r6a", 8m), ("r7g", 8m),
        ];
        var types = new SortedDictionary<string, MachineType>(StringComparer.Ordinal);
        foreach (var (family, ratio) in families)
        {
            foreach (var (size, cpus, enis, addresses) in sizes)
            {
                var name = $"{family}.{size}";
                types[name] = new MachineType(name, cpus, cpus * ratio, EniPods(enis, addresses), Arm: family.EndsWith('g'));
            }
        }

        foreach (var (name, cpus, memory, enis, addresses) in new[] { ("t3.medium", 2, 4m, 3, 6), ("t3.large", 2, 8m, 3, 12), ("t3.xlarge", 4, 16m, 4, 15), ("t3.2xlarge", 8, 32m, 4, 15) })
        {
            types[name] = new MachineType(name, cpus, memory, EniPods(enis, addresses));
        }

        return types;
    }

    /// <summary>The VPC CNI's pod limit: every interface's secondary addresses, plus two host-network pods.</summary>
    private static int EniPods(int interfaces, int addressesPerInterface) => (interfaces * (addressesPerInterface - 1)) + 2;
}
