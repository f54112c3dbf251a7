namespace Platform.Stacks.Clusters;

/// <summary>
/// The core EKS add-ons and the Cluster Autoscaler image, pinned per Kubernetes minor version. Like the chart
/// catalog, this is the one place these versions live; a new Kubernetes version is supported by adding its row.
/// </summary>
public static class EksAddonCatalog
{
    private static readonly Dictionary<string, IReadOnlyList<EksAddonPlan>> ByVersion = new(StringComparer.Ordinal)
    {
        ["1.34"] =
        [
            new("vpc-cni", "v1.20.3-eksbuild.1"),
            new("kube-proxy", "v1.34.0-eksbuild.5"),
            new("coredns", "v1.12.4-eksbuild.1", NeedsNodes: true),
            new("eks-pod-identity-agent", "v1.3.9-eksbuild.3", NeedsNodes: true),
            new("aws-ebs-csi-driver", "v1.48.0-eksbuild.2", NeedsNodes: true, "kube-system/ebs-csi-controller-sa", "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"),
        ],
    };

    // The Cluster Autoscaler's minor version must match the cluster's.
    private static readonly Dictionary<string, string> AutoscalerImages = new(StringComparer.Ordinal)
    {
        ["1.34"] = "v1.34.3",
    };

    /// <summary>Kubernetes versions with a pinned add-on set, sorted.</summary>
    public static IReadOnlyList<string> Versions { get; } = ByVersion.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The pinned add-ons for a Kubernetes version, or null when the catalog has no row for it.</summary>
    public static IReadOnlyList<EksAddonPlan>? For(string kubernetesVersion) => ByVersion.GetValueOrDefault(kubernetesVersion);

    /// <summary>The Cluster Autoscaler image tag for a Kubernetes version, or null when the catalog has no row for it.</summary>
    public static string? AutoscalerImage(string kubernetesVersion) => AutoscalerImages.GetValueOrDefault(kubernetesVersion);
}
