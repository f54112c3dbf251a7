using System.Collections.Immutable;
using Platform.Components.Aws;
using Platform.Components.Gcp;
using Platform.Components.Kubernetes;
using Platform.Stacks;
using Platform.Stacks.Model;
using Pulumi;
using K8s = Pulumi.Kubernetes;

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
        foreach (var warning in result.Warnings)
        {
            Log.Warn(warning.ToString());
        }

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

        var provider = plan.Cluster.Cloud switch
        {
            CloudKind.Gcp => BuildGke(plan, outputs),
            CloudKind.Aws => BuildEks(plan, outputs),
            CloudKind.Existing => BuildExisting(plan, outputs),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Cluster.Cloud, "unknown cloud"),
        };
        ApplyManifests(plan, provider);
        return outputs;
    }

    /// <summary>
    /// Applies the plan's own objects through the cluster's provider, each bundle after the ones before it in apply
    /// order, so the render's manifests/ folder is exactly what reaches the cluster.
    /// </summary>
    private static void ApplyManifests(PlatformPlan plan, K8s.Provider provider)
    {
        Resource? previous = null;
        foreach (var bundle in plan.Manifests)
        {
            var options = new ComponentResourceOptions { Provider = provider };
            if (previous is not null)
            {
                options.DependsOn = previous;
            }

            previous = new ManifestBundle($"{plan.Cluster.Name}-{bundle.Name}", ManifestBundleArgs.FromPlan(bundle), options);
        }
    }

    private static K8s.Provider BuildExisting(PlatformPlan plan, Dictionary<string, object?> outputs)
    {
        var existing = new ExistingCluster(plan.Cluster.Name, ExistingClusterArgs.FromPlan(plan.Cluster));
        outputs["kubeContext"] = existing.KubeContext;
        return existing.Provider;
    }

    private static K8s.Provider BuildGke(PlatformPlan plan, Dictionary<string, object?> outputs)
    {
        var gke = GkePlatform.Create(plan);
        outputs["clusterEndpoint"] = gke.Cluster.Endpoint;
        outputs["clusterLocation"] = gke.Cluster.Location;
        outputs["kubeconfig"] = gke.Cluster.KubeconfigJson;
        outputs["networkId"] = gke.Network.NetworkId;
        outputs["subnetId"] = gke.Network.SubnetId;
        outputs["nodePoolNames"] = gke.PoolNames;
        outputs["workloadIdentityPool"] = gke.Cluster.WorkloadIdentityPool;
        return gke.Cluster.Provider;
    }

    private static K8s.Provider BuildEks(PlatformPlan plan, Dictionary<string, object?> outputs)
    {
        var eks = EksPlatform.Create(plan);
        outputs["clusterEndpoint"] = eks.Cluster.Endpoint;
        outputs["clusterLocation"] = plan.Cluster.Eks!.Region;
        outputs["kubeconfig"] = eks.Cluster.KubeconfigJson;
        outputs["networkId"] = eks.Network.VpcId;
        outputs["nodePoolNames"] = eks.GroupNames;
        outputs["oidcProviderArn"] = eks.Cluster.OidcProviderArn;
        outputs["subnetIds"] = eks.Network.PrivateSubnetIds;
        return eks.Cluster.Provider;
    }
}
