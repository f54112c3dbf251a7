using Platform.Stacks.Model;
using Platform.Stacks.Planning;

namespace Platform.Stacks.Cost;

/// <summary>
/// On-demand list prices, in US dollars per hour, in one reference region per cloud: us-central1 for gcp and
/// us-east-1 for aws. They shape a stack's cost, they do not bill it: other regions, discounts, spot, disks, load
/// balancers and traffic all move the real figure. Every figure derived from here is labelled an estimate.
/// Update the prices and <see cref="AsOf"/> together.
/// </summary>
public static class PriceCatalog
{
    /// <summary>The day the prices below were recorded.</summary>
    public const string AsOf = "2026-11-22";

    /// <summary>Currency of every price.</summary>
    public const string Currency = "USD";

    /// <summary>The region each cloud's prices are for.</summary>
    public static string ReferenceRegion(CloudKind cloud) => cloud switch
    {
        CloudKind.Gcp => "us-central1",
        CloudKind.Aws => "us-east-1",
        _ => "none",
    };

    /// <summary>GCP bills a machine by its vCPUs and memory; per family, per vCPU-hour and per GiB-hour.</summary>
    private static readonly IReadOnlyDictionary<string, (decimal PerCpu, decimal PerGiB)> GcpFamilies = new Dictionary<string, (decimal, decimal)>(StringComparer.Ordinal)
    {
        ["e2"] = (0.021811m, 0.002923m),
        ["n2"] = (0.031611m, 0.004237m),
        ["n2d"] = (0.027502m, 0.003686m),
        ["c3"] = (0.03465m, 0.003938m),
    };

    /// <summary>AWS prices each instance type; per family, the hourly price of its 2-vCPU <c>large</c> size, which the larger sizes multiply.</summary>
    private static readonly IReadOnlyDictionary<string, decimal> AwsLarge = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["m6i"] = 0.096m, ["m7i"] = 0.1008m, ["m6a"] = 0.0864m, ["m7g"] = 0.0816m,
        ["c6i"] = 0.085m, ["c7i"] = 0.08925m, ["c6a"] = 0.0765m, ["c7g"] = 0.0725m,
        ["r6i"] = 0.126m, ["r7i"] = 0.1323m, ["r6a"] = 0.1134m, ["r7g"] = 0.1071m,
    };

    /// <summary>Burstable types, priced one by one.</summary>
    private static readonly IReadOnlyDictionary<string, decimal> AwsBurstable = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["t3.medium"] = 0.0416m, ["t3.large"] = 0.0832m, ["t3.xlarge"] = 0.1664m, ["t3.2xlarge"] = 0.3328m,
    };

    /// <summary>The managed control plane's hourly fee: a regional GKE cluster, or an EKS cluster in standard support.</summary>
    public static decimal ControlPlane(CloudKind cloud) => cloud == CloudKind.Existing ? 0m : 0.10m;

    /// <summary>One AWS NAT gateway per hour, before data processing.</summary>
    public const decimal AwsNatGateway = 0.045m;

    /// <summary>Cloud NAT per VM it serves per hour, and its cap per gateway (reached at 32 VMs).</summary>
    public const decimal GcpNatPerVm = 0.0014m;

    /// <summary>The cap of <see cref="GcpNatPerVm"/> per gateway.</summary>
    public const decimal GcpNatCap = 0.044m;

    /// <summary>The on-demand hourly price of one node of <paramref name="type"/>; null when the catalog has none.</summary>
    public static decimal? Node(CloudKind cloud, MachineType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (cloud)
        {
            case CloudKind.Gcp:
                var family = type.Name[..type.Name.IndexOf('-', StringComparison.Ordinal)];
                return GcpFamilies.TryGetValue(family, out var rate) ? (type.VCpus * rate.PerCpu) + (type.MemoryGiB * rate.PerGiB) : null;
            case CloudKind.Aws:
                if (AwsBurstable.TryGetValue(type.Name, out var burstable))
                {
                    return burstable;
                }

                var awsFamily = type.Name[..type.Name.IndexOf('.', StringComparison.Ordinal)];
                return AwsLarge.TryGetValue(awsFamily, out var large) ? large * type.VCpus / 2m : null;
            default:
                return null;
        }
    }
}
