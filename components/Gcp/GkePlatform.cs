using Platform.Stacks;
using Pulumi;

namespace Platform.Components.Gcp;

/// <summary>
/// The GKE components of one plan, wired together. Every component is a top-level sibling (network, cluster, one
/// per pool) rather than a child of the cluster, so a pool's URN does not depend on the cluster component and
/// pools are never protected through it.
/// </summary>
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
        var protect = new ComponentResourceOptions { Protect = plan.Cluster.Protect, ResourceTransformations = { Stamp(plan) } };
        var network = new GkeNetwork(name, GkeNetworkArgs.FromPlan(gke), protect);
        var cluster = new GkeCluster(name, GkeClusterArgs.FromPlan(plan.Cluster, network.NetworkId, network.SubnetId), protect);
        var pools = plan.NodePools
            .Select(pool => new GkeNodePool(
                pool.ResourceName,
                GkeNodePoolArgs.FromPlan(pool, gke.Project, gke.Location, cluster.ClusterId, cluster.NodeServiceAccountEmail),
                new ComponentResourceOptions { ResourceTransformations = { Stamp(plan) } }))
            .ToList();
        return new GkePlatform(network, cluster, pools);
    }

    /// <summary>
    /// Stamps the plan's labels on every GCP resource that takes resource labels. GKE hands the cluster's labels on to
    /// its node VMs and disks; networks, routers and service accounts take none.
    /// </summary>
    public static ResourceTransformation Stamp(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Platform.Components.Kubernetes.ResourceStamp.Labels(plan.Labels, "ResourceLabels");
    }

    /// <summary>Names of the pools in GKE.</summary>
    public Output<System.Collections.Immutable.ImmutableArray<string>> PoolNames => Output.All(Pools.Select(p => p.PoolName));
}
