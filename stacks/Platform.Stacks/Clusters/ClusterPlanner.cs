using System.Security.Cryptography;
using System.Text;
using Platform.Stacks.Addons;
using Platform.Stacks.Model;
using Platform.Stacks.Planning;

namespace Platform.Stacks.Clusters;

/// <summary>Decides the cluster: names, endpoint exposure, identity, encryption and protection, per cloud.</summary>
public static class ClusterPlanner
{
    /// <summary>Roles of the GKE node service account: the node default role and image pulls, nothing more.</summary>
    public static IReadOnlyList<string> GkeNodeRoles { get; } = ["roles/artifactregistry.reader", "roles/container.defaultNodeServiceAccount"];

    /// <summary>
    /// OAuth scope of GKE nodes. The broad scope hands access control to IAM alone, where the node service account
    /// holds only <see cref="GkeNodeRoles"/>.
    /// </summary>
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>What the EKS cluster role may do with the secrets key.</summary>
    public static IReadOnlyList<string> EksKeyUserActions { get; } = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ListGrants"];

    /// <summary>Plans the cluster for a spec whose network was planned (gcp, aws) or is absent (existing).</summary>
    public static ClusterPlan Plan(PlatformSpec spec, NetworkPlan? network)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var name = spec.Cluster.Name;
        var prod = spec.Environment == EnvironmentProfile.Prod;
        var deleteUnreachable = spec.Environment == EnvironmentProfile.Dev;
        return spec.Cloud switch
        {
            CloudKind.Gcp => new ClusterPlan(name, spec.Cloud, prod, deleteUnreachable, Gke(spec, network!), null, null),
            CloudKind.Aws => new ClusterPlan(name, spec.Cloud, prod, deleteUnreachable, null, Eks(spec, network!), null),
            _ => new ClusterPlan(name, spec.Cloud, false, deleteUnreachable, null, null, new ExistingClusterPlan(spec.Cluster.Context!, spec.Cluster.Kubeconfig)),
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

        var hash = Digest(name)[..4];
        var keep = 30 - suffix.Length - hash.Length - 2;
        return $"{name[..keep].TrimEnd('-')}-{hash}-{suffix}";
    }

    /// <summary>Lowercase hex SHA-256 of <paramref name="text"/>, for stable names derived from values.</summary>
    public static string Digest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
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
        var prod = spec.Environment == EnvironmentProfile.Prod;
        var ranges = network.Subnets.ToDictionary(s => s.Purpose);
        var policy = cluster.NetworkPolicy == "dataplaneV2"
            ? new GkeNetworkPolicyPlan("dataplaneV2", "ADVANCED_DATAPATH", CalicoEnabled: false, "PROVIDER_UNSPECIFIED")
            : new GkeNetworkPolicyPlan("calico", "LEGACY_DATAPATH", CalicoEnabled: true, "CALICO");
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
            new CloudNatPlan($"{cluster.Name}-nat", "AUTO_ONLY", "ALL_SUBNETWORKS_ALL_IP_RANGES", "ERRORS_ONLY"),
            cluster.PrivateEndpoint,
            cluster.AuthorizedNetworks,
            GcpPublicCidrsAccess: false,
            $"{spec.GcpProject}.svc.id.goog",
            policy,
            cluster.SecretsEncryptionKey,
            cluster.MaintenanceWindow,
            cluster.DeletionProtection,
            prod ? "PROJECT_SINGLETON_POLICY_ENFORCE" : "DISABLED",
            ShieldedNodes: true,
            new GkeDefaultPoolPlan(Remove: true, InitialNodeCount: 1, [CloudPlatformScope]),
            new GcpServiceAccountPlan(ServiceAccountId(cluster.Name, "nodes"), $"GKE nodes of {cluster.Name}", GkeNodeRoles));
    }

    private static EksClusterPlan Eks(PlatformSpec spec, NetworkPlan network)
    {
        var cluster = spec.Cluster;
        var admins = cluster.Admins
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(arn => new EksAccessEntryPlan(arn, Digest(arn)[..8]))
            .ToList();
        return new EksClusterPlan(
            cluster.Region!,
            cluster.KubernetesVersion!,
            EndpointPrivateAccess: true,
            EndpointPublicAccess: !cluster.PrivateEndpoint,
            cluster.PrivateEndpoint ? [] : cluster.AuthorizedNetworks,
            network.ServicesCidr,
            "API",
            BootstrapCreatorAdmin: false,
            admins,
            "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy",
            spec.Environment == EnvironmentProfile.Prod ? ["api", "audit", "authenticator", "controllerManager", "scheduler"] : ["api", "audit"],
            $"/aws/eks/{cluster.Name}/cluster",
            spec.Environment switch
            {
                EnvironmentProfile.Prod => 90,
                EnvironmentProfile.Staging => 30,
                _ => 7,
            },
            $"{cluster.Name}-cluster",
            ["arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"],
            $"{cluster.Name}-nodes",
            [
                "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
            ],
            new KmsKeyPlan($"alias/{cluster.Name}-secrets", 30, Rotation: true, [.. admins.Select(a => a.PrincipalArn)], EksKeyUserActions, cluster.SecretsEncryptionKey),
            EksAddonCatalog.For(cluster.KubernetesVersion!) ?? [],
            "OVERWRITE",
            cluster.DeletionProtection,
            SubnetTags(cluster.Name, ("kubernetes.io/role/elb", "1")),
            SubnetTags(cluster.Name, ("kubernetes.io/role/internal-elb", "1")),
            ClusterAutoscaler.Plan(spec));
    }
}
