using System.Text.Json.Nodes;
using Platform.Stacks.Binding;
using Platform.Stacks.Clusters;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// The Cluster Autoscaler for EKS managed node groups: chart pin (in <see cref="AddonCatalog"/>), values, and its
/// Pod Identity role. It discovers the groups by the <c>k8s.io/cluster-autoscaler/*</c> tags EKS puts on their
/// Auto Scaling groups, and reads their labels and taints from EKS so a group at zero nodes can still be chosen.
/// </summary>
public static class ClusterAutoscaler
{
    /// <summary>Catalog-style name of this piece, used in plan.json.</summary>
    public const string Name = "clusterAutoscaler";

    /// <summary>Helm release name.</summary>
    public const string Release = "cluster-autoscaler";

    /// <summary>Namespace it runs in, beside the other node-level system components.</summary>
    public const string Namespace = "kube-system";

    /// <summary>Its service account, which the Pod Identity association binds to the role.</summary>
    public const string ServiceAccount = "cluster-autoscaler";

    /// <summary>A label on its pods that the zone spread selects on.</summary>
    public const string ComponentLabel = "platform/component";

    /// <summary>Plans the autoscaler of an EKS cluster.</summary>
    public static ClusterAutoscalerPlan Plan(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var cluster = spec.Cluster.Name;
        var ha = ProfileDefaults.HighAvailability(spec.Environment);
        var image = EksAddonCatalog.AutoscalerImage(spec.Cluster.KubernetesVersion!)
            ?? throw new ArgumentException($"no Cluster Autoscaler image is pinned for Kubernetes {spec.Cluster.KubernetesVersion}", nameof(spec));
        var release = new HelmReleasePlan(Release, Name, Namespace, AddonCatalog.ClusterAutoscaler, [], Values(cluster, spec.Cluster.Region!, image, ha));
        var identity = new PodIdentityRolePlan(
            $"{cluster}-cluster-autoscaler",
            Namespace,
            ServiceAccount,
            "cluster-autoscaler",
            IamPolicy.ClusterAutoscaler(cluster));
        return new ClusterAutoscalerPlan(release, identity);
    }

    /// <summary>The chart values; every key exists in the pinned chart's values.yaml.</summary>
    public static JsonObject Values(string cluster, string region, string imageTag, bool highAvailability)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var values = new JsonObject
        {
            ["cloudProvider"] = "aws",
            ["awsRegion"] = region,
            ["autoDiscovery"] = new JsonObject { ["clusterName"] = cluster },
            ["image"] = new JsonObject { ["tag"] = imageTag },
            ["rbac"] = new JsonObject { ["serviceAccount"] = new JsonObject { ["create"] = true, ["name"] = ServiceAccount } },
            ["replicaCount"] = highAvailability ? 2 : 1,
            ["podLabels"] = new JsonObject { [ComponentLabel] = Release },
            ["resources"] = ValueParts.Resources("100m", "300Mi", "600Mi"),
            ["nodeSelector"] = new JsonObject { [ProfileDefaults.PoolLabel] = "system" },
            ["tolerations"] = ValueParts.SystemPoolTolerations(),
            ["extraArgs"] = new JsonObject
            {
                ["balance-similar-node-groups"] = true,
                ["expander"] = "least-waste",
            },
        };
        if (highAvailability)
        {
            values["topologySpreadConstraints"] = ValueParts.ZoneSpread((ComponentLabel, Release));
        }

        return values;
    }
}
