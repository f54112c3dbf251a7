using System.Collections.Immutable;
using Platform.Components.Aws;
using Platform.Components.Gcp;
using Platform.Components.Kubernetes;
using Platform.Stacks;
using Platform.Stacks.Model;
using Pulumi;

namespace Platform.Infra;

/// <summary>
/// The program body: plan from config (failing before any resource is registered when config is bad),
/// then build the components the plan asks for and export the outputs it names.
/// </summary>
internal static class PlatformProgram
{
    /// <summary>Runs the program against the current deployment's config.</summary>
    public static IDictionary<string, object?> Run() => Build(PlanOrFail());

    /// <summary>Plans the current stack, or stops the update with every configuration error in one message.</summary>
    public static PlatformPlan PlanOrFail()
    {
        var result = Planner.Plan(EngineConfig.Read());
        if (result.Succeeded)
        {
            return result.Plan!;
        }

        var lines = result.Errors.Select(e => $"  {e}");
        throw new RunException($"stack configuration has {result.Errors.Count} error(s):\n{string.Join("\n", lines)}");
    }

    /// <summary>Creates resources for a plan and returns the stack outputs.</summary>
    public static IDictionary<string, object?> Build(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outputs = new Dictionary<string, object?>
        {
            ["cloud"] = plan.Spec.Cloud.ToString().ToLowerInvariant(),
            ["clusterName"] = plan.Cluster.Name,
            ["environment"] = plan.Spec.Environment.ToString().ToLowerInvariant(),
            ["helmReleases"] = plan.Releases.ToImmutableSortedDictionary(r => r.Name, r => $"{r.Chart.Chart}@{r.Chart.Version}", StringComparer.Ordinal),
        };

        switch (plan.Cluster.Cloud)
        {
            case CloudKind.Gcp:
                BuildGke(plan, outputs);
                break;
            case CloudKind.Aws:
                BuildEks(plan, outputs);
                break;
            case CloudKind.Existing:
                var existing = new ExistingCluster(plan.Cluster.Name, new ExistingClusterArgs { Plan = plan.Cluster.Existing! });
                outputs["kubeContext"] = existing.KubeContext;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(plan), plan.Cluster.Cloud, "unknown cloud");
        }

        return outputs;
    }

    private static void BuildGke(PlatformPlan plan, Dictionary<string, object?> outputs)
    {
        var gke = plan.Cluster.Gke!;
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

        outputs["clusterEndpoint"] = cluster.Endpoint;
        outputs["clusterLocation"] = cluster.Location;
        outputs["kubeconfig"] = cluster.KubeconfigJson;
        outputs["networkId"] = network.NetworkId;
        outputs["subnetId"] = network.SubnetId;
        outputs["nodePoolNames"] = Output.All(pools.Select(p => p.PoolName));
        outputs["workloadIdentityPool"] = cluster.WorkloadIdentityPool;
    }

    private static void BuildEks(PlatformPlan plan, Dictionary<string, object?> outputs)
    {
        var eks = plan.Cluster.Eks!;
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
        _ = new EksNodeAddons(name, new EksNodeAddonsArgs
        {
            Plan = eks,
            ClusterName = cluster.ClusterName,
            OidcProviderArn = cluster.OidcProviderArn,
            OidcIssuerUrl = cluster.OidcIssuerUrl,
        }, new ComponentResourceOptions { DependsOn = groups.Cast<Resource>().ToList() });

        outputs["clusterEndpoint"] = cluster.Endpoint;
        outputs["clusterLocation"] = eks.Region;
        outputs["kubeconfig"] = cluster.KubeconfigJson;
        outputs["networkId"] = network.VpcId;
        outputs["nodePoolNames"] = Output.All(groups.Select(g => g.GroupName));
        outputs["oidcProviderArn"] = cluster.OidcProviderArn;
        outputs["subnetIds"] = network.PrivateSubnetIds;
    }
}
