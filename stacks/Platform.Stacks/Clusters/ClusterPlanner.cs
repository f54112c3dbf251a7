using System.Security.Cryptography;
using System.Text;
using Platform.Stacks.Model;
using Platform.Stacks.Planning;

namespace Platform.Stacks.Clusters;

/// <summary>Decides the cluster: names, endpoint exposure, identity, encryption and protection, per cloud.</summary>
public static class ClusterPlanner
{
    /// <summary>Roles of the GKE node service account: the node default role and image pulls, nothing more.</summary>
    public static IReadOnlyList<string> GkeNodeRoles { get; } = ["roles/artifactregistry.reader", "roles/container.defaultNodeServiceAccount"];

    /// <summary>Plans the cluster for a spec whose network was planned (gcp, aws) or is absent (existing).</summary>
    public static ClusterPlan Plan(PlatformSpec spec, NetworkPlan? network)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var name = spec.Cluster.Name;
        var protect = spec.Environment == EnvironmentProfile.Prod;
        return spec.Cloud switch
        {
            CloudKind.Gcp => new ClusterPlan(name, spec.Cloud, protect, Gke(spec, network!), null, null),
            CloudKind.Aws => new ClusterPlan(name, spec.Cloud, protect, null, Eks(spec, network!), null),
            _ => new ClusterPlan(name, spec.Cloud, false, null, null, new ExistingClusterPlan(spec.Cluster.Context!, spec.Cluster.Kubeconfig)),
        };
    }

    /// <summary>
    /// A service account id for <paramref name="name"/> with <paramref name="suffix"/>: at most 30 characters; a long
    /// cluster name is shortened and given a stable hash so two clusters never share an account.
    /// </summary>
    public static string ServiceAccountId(string name, string suffix)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(suffix);
        var id = $"{name}-{suffix}";
        if (id.Length <= 30)
        {
            return id;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..4];
        var keep = 30 - suffix.Length - hash.Length - 2;
        return $"{name[..keep].TrimEnd('-')}-{hash}-{suffix}";
    }

    private static SortedDictionary<string, string> SubnetTags(string cluster, params (string Key, string Value)[] extra)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal) { [$"kubernetes.io/cluster/{cluster}"] = "shared" };
        foreach (var (key, value) in extra)
        {
            tags[key] = value;
        }

        return tags;
    }

    private static GkeClusterPlan Gke(PlatformSpec spec, NetworkPlan network)
    {
        var cluster = spec.Cluster;
        var ranges = network.Subnets.ToDictionary(s => s.Purpose);
        return new GkeClusterPlan(
            spec.GcpProject!,
            cluster.Region!,
            cluster.Zones,
            cluster.ReleaseChannel!,
            cluster.KubernetesVersion,
            network.Name,
            ranges["nodes"].Name,
            ranges["nodes"].Cidr,
            ranges["pods"].Name,
            ranges["pods"].Cidr,
            ranges["services"].Name,
            ranges["services"].Cidr,
            $"{cluster.Name}-router",
            $"{cluster.Name}-nat",
            cluster.PrivateEndpoint,
            cluster.AuthorizedNetworks,
            $"{spec.GcpProject}.svc.id.goog",
            "CALICO",
            "LEGACY_DATAPATH",
            cluster.SecretsEncryptionKey,
            cluster.MaintenanceWindow,
            cluster.DeletionProtection,
            new GcpServiceAccountPlan(ServiceAccountId(cluster.Name, "nodes"), $"GKE nodes of {cluster.Name}", GkeNodeRoles));
    }

    private static EksClusterPlan Eks(PlatformSpec spec, NetworkPlan network)
    {
        var cluster = spec.Cluster;
        var prod = spec.Environment == EnvironmentProfile.Prod;
        return new EksClusterPlan(
            cluster.Region!,
            cluster.KubernetesVersion!,
            EndpointPrivateAccess: true,
            EndpointPublicAccess: !cluster.PrivateEndpoint,
            cluster.PrivateEndpoint ? [] : cluster.AuthorizedNetworks,
            network.ServicesCidr,
            "API",
            cluster.Admins,
            prod ? ["api", "audit", "authenticator", "controllerManager", "scheduler"] : ["api", "audit"],
            $"{cluster.Name}-cluster",
            $"{cluster.Name}-nodes",
            $"alias/{cluster.Name}-secrets",
            EksAddonCatalog.For(cluster.KubernetesVersion!) ?? [],
            cluster.DeletionProtection,
            ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"],
            [
                "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            ],
            "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
            SubnetTags(cluster.Name, ("kubernetes.io/role/elb", "1")),
            SubnetTags(cluster.Name, ("kubernetes.io/role/internal-elb", "1"), ("karpenter.sh/discovery", cluster.Name)));
    }
}
