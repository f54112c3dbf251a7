using Platform.Stacks;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>
/// The EKS components of one plan, wired together: VPC, cluster, one node group per pool, then the add-ons
/// that need nodes.
/// </summary>
/// <param name="Network">The VPC and subnets.</param>
/// <param name="Cluster">The cluster, its roles, key, OIDC provider and Kubernetes provider.</param>
/// <param name="NodeGroups">The managed node groups, in plan order.</param>
/// <param name="NodeAddons">CoreDNS and the EBS CSI driver.</param>
public sealed record EksPlatform(EksNetwork Network, EksCluster Cluster, IReadOnlyList<EksNodeGroup> NodeGroups, EksNodeAddons NodeAddons)
{
    /// <summary>Creates the components for a plan whose cloud is aws.</summary>
    public static EksPlatform Create(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var eks = plan.Cluster.Eks ?? throw new ArgumentException("the plan is not for aws", nameof(plan));
        var name = plan.Cluster.Name;
        var protect = plan.Cluster.Protect;
        var network = new EksNetwork(name, new EksNetworkArgs { Network = plan.Network!, Cluster = eks, Protect = protect });
        var cluster = new EksCluster(name, new EksClusterArgs
        {
            ClusterName = name,
            Plan = eks,
            PrivateSubnetIds = network.PrivateSubnetIds,
            Protect = protect,
        });
        var groups = plan.NodePools.Select(pool => new EksNodeGroup(pool.Name, new EksNodeGroupArgs
        {
            Pool = pool,
            ClusterName = cluster.ClusterName,
            NodeRoleArn = cluster.NodeRoleArn,
            PrivateSubnetIds = network.PrivateSubnetIds,
            Protect = protect,
        })).ToList();
        var addons = new EksNodeAddons(name, new EksNodeAddonsArgs
        {
            Plan = eks,
            ClusterName = cluster.ClusterName,
            OidcProviderArn = cluster.OidcProviderArn,
            OidcIssuerUrl = cluster.OidcIssuerUrl,
        }, new ComponentResourceOptions { DependsOn = groups.Cast<Resource>().ToList() });
        return new EksPlatform(network, cluster, groups, addons);
    }

    /// <summary>Names of the node groups in EKS.</summary>
    public Output<System.Collections.Immutable.ImmutableArray<string>> GroupNames => Output.All(NodeGroups.Select(g => g.GroupName));
}
