namespace Platform.Stacks.Clusters;

/// <summary>
/// The core EKS add-ons, pinned per Kubernetes minor version. Like the chart catalog, this is the one place
/// these versions live; a new Kubernetes version is supported by adding its row.
/// </summary>
public static class EksAddonCatalog
{
    private static readonly Dictionary<string, IReadOnlyList<EksAddonPlan>> ByVersion = new(StringComparer.Ordinal)
    {
        ["1.34"] =
        [
            new("vpc-cni", "v1.20.3-eksbuild.1"),
            new("coredns", "v1.12.4-eksbuild.1", NeedsNodes: true),
            new("kube-proxy", "v1.34.0-eksbuild.5"),
            new("aws-ebs-csi-driver", "v1.48.0-eksbuild.2", NeedsNodes: true, "kube-system/ebs-csi-controller-sa", "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"),
        ],
    };

    /// <summary>Kubernetes versions with a pinned add-on set, sorted.</summary>
    public static IReadOnlyList<string> Versions { get; } = ByVersion.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The pinned add-ons for a Kubernetes version, or null when the catalog has no row for it.</summary>
    public static IReadOnlyList<EksAddonPlan>? For(string kubernetesVersion) => ByVersion.GetValueOrDefault(kubernetesVersion);
}
