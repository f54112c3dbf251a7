using Platform.Stacks;
using Pulumi;

namespace Platform.Components.Gcp;

/// <summary>The GKE components of one plan, wired together: network, cluster, then one component per pool.</summary>
/// <param name="Network">The VPC and subnet.</param>
/// <param name="Cluster">The cluster, its node identity and its Kubernetes provider.</param>
/// <param name="Pools">The node pools, in plan order.</param>
public sealed record GkePlatform(GkeNetwork Network, GkeCluster Cluster, IReadOnlyList<GkeNodePool> Pools)
{
    /// <summary>Creates the components for a plan whose cloud is gcp.</summary>
    public static GkePlatform Create(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var gke = plan.Cluster.Gke ?? throw new ArgumentException("the plan is not for gcp", nameof(plan));
        var name = plan.Cluster.Name;
        var protect = plan.Cluster.Protect;
        var network = new GkeNetwork(name, new GkeNetworkArgs { Plan = gke, Protect = protect });
        var cluster = new GkeCluster(name, new GkeClusterArgs
        {
            ClusterName = name,
            Plan = gke,
            NetworkId = network.NetworkId,
            SubnetId = network.SubnetId,
            Protect = protect,
        });
        var pools = plan.NodePools.Select(pool => new GkeNodePool(pool.Name, new GkeNodePoolArgs
        {
            Pool = pool,
            Project = gke.Project,
            Location = gke.Location,
            ClusterId = cluster.ClusterId,
            ServiceAccountEmail = cluster.NodeServiceAccountEmail,
            Protect = protect,
        })).ToList();
        return new GkePlatform(network, cluster, pools);
    }

    /// <summary>Names of the pools in GKE.</summary>
    public Output<System.Collections.Immutable.ImmutableArray<string>> PoolNames => Output.All(Pools.Select(p => p.PoolName));
}
