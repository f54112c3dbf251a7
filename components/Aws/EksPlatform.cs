using Platform.Components.Kubernetes;
using Platform.Stacks;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>
/// The EKS components of one plan, wired together in the order a first <c>pulumi up</c> and a destroy both need:
/// VPC; cluster (after its role's policy attachments); node groups (after the node role's attachments); the core
/// add-ons that need nodes; then the Cluster Autoscaler's identity and release. Every component is a top-level
/// sibling, so node groups are never protected through the cluster.
/// </summary>
/// <param name="Network">The VPC and subnets.</param>
/// <param name="Cluster">The cluster, its roles, key, OIDC provider and Kubernetes provider.</param>
/// <param name="NodeGroups">The managed node groups, in plan order.</param>
/// <param name="NodeAddons">CoreDNS, the Pod Identity agent and the EBS CSI driver.</param>
/// <param name="AutoscalerIdentity">The Cluster Autoscaler's IAM role and Pod Identity association.</param>
/// <param name="Autoscaler">The Cluster Autoscaler release.</param>
public sealed record EksPlatform(
    EksNetwork Network,
    EksCluster Cluster,
    IReadOnlyList<EksNodeGroup> NodeGroups,
    EksNodeAddons NodeAddons,
    AddonIdentity AutoscalerIdentity,
    HelmAddon Autoscaler)
{
    /// <summary>Creates the components for a plan whose cloud is aws.</summary>
    public static EksPlatform Create(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var eks = plan.Cluster.Eks ?? throw new ArgumentException("the plan is not for aws", nameof(plan));
        var name = plan.Cluster.Name;
        var stamp = Stamp(plan);
        var protect = new ComponentResourceOptions { Protect = plan.Cluster.Protect, ResourceTransformations = { stamp } };
        var network = new EksNetwork(name, EksNetworkArgs.FromPlan(plan.Network!, eks), protect);
        var cluster = new EksCluster(name, EksClusterArgs.FromPlan(plan.Cluster, network.PrivateSubnetIds), protect);
        var groups = plan.NodePools.Select(pool => new EksNodeGroup(
            pool.ResourceName,
            EksNodeGroupArgs.FromPlan(pool, cluster.ClusterName, cluster.Version, cluster.NodeRoleArn, network.PrivateSubnetIds),
            new ComponentResourceOptions { DependsOn = [.. cluster.NodeRoleAttachments], ResourceTransformations = { stamp } })).ToList();
        var addons = new EksNodeAddons(
            name,
            EksNodeAddonsArgs.FromPlan(eks, cluster.ClusterName, cluster.OidcProviderArn, cluster.OidcIssuerUrl),
            new ComponentResourceOptions { DependsOn = [.. groups], ResourceTransformations = { stamp } });
        var identity = new AddonIdentity(
            $"{name}-cluster-autoscaler",
            AddonIdentityArgs.FromPlan(eks.Autoscaler.Identity, cluster.ClusterName),
            new ComponentResourceOptions { ResourceTransformations = { stamp } });
        var autoscaler = new HelmAddon(
            $"{name}-cluster-autoscaler",
            HelmAddonArgs.FromPlan(eks.Autoscaler.Release, createNamespace: false),
            new ComponentResourceOptions
            {
                Provider = cluster.Provider,
                // Its pods need nodes, the Pod Identity agent and their role's association before they start.
                DependsOn = [.. groups, addons, identity],
            });
        return new EksPlatform(network, cluster, groups, addons, identity, autoscaler);
    }

    /// <summary>Stamps the plan's labels as tags on every AWS resource that takes tags.</summary>
    public static ResourceTransformation Stamp(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return ResourceStamp.Labels(plan.Labels, "Tags");
    }

    /// <summary>Names of the node groups in EKS.</summary>
    public Output<System.Collections.Immutable.ImmutableArray<string>> GroupNames => Output.All(NodeGroups.Select(g => g.GroupName));
}
