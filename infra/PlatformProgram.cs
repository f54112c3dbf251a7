using System.Collections.Immutable;
using Platform.Components.Aws;
using Platform.Components.Gcp;
using Platform.Components.Kubernetes;
using Platform.Stacks;
using Platform.Stacks.Binding;
using Platform.Stacks.Clusters;
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
            // Who owns the stack and when it may go, as the labels on its cloud resources say; empty when not set.
            ["expiresAt"] = plan.Labels.GetValueOrDefault(Stacks.Planning.ResourceLabels.ExpiresAt, string.Empty),
            ["owner"] = plan.Spec.Owner ?? string.Empty,
            ["helmReleases"] = plan.InstalledReleases.ToImmutableSortedDictionary(r => r.Name, r => $"{r.Chart.Chart}@{r.Chart.Version}", StringComparer.Ordinal),
        };

        var cluster = plan.Cluster.Cloud switch
        {
            CloudKind.Gcp => BuildGke(plan, outputs),
            CloudKind.Aws => BuildEks(plan, outputs),
            CloudKind.Existing => BuildExisting(plan, outputs),
            _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Cluster.Cloud, "unknown cloud"),
        };
        InstallOnCluster(plan, cluster);
        return outputs;
    }

    /// <summary>
    /// Applies the plan's own objects and installs its add-ons through the cluster's provider. The program's own
    /// bundles (add-on namespaces, priority classes, tenants) go first, after the nodes, one after the other; each
    /// add-on release follows them, its bucket, identity and Secrets, and the releases it depends on with their
    /// objects, into a namespace the program owns (never Helm's createNamespace); each add-on's objects follow its
    /// releases. A destroy runs the same order backwards, so every namespace is gone, with the load balancers and
    /// disks in it, before the nodes and the cluster are deleted. So the render's manifests/ and helm/ folders are
    /// exactly what reaches the cluster, in an order that converges in one run.
    /// </summary>
    private static void InstallOnCluster(PlatformPlan plan, ClusterAccess cluster)
    {
        var name = plan.Cluster.Name;
        var own = new List<Resource>();
        foreach (var bundle in plan.Manifests.Where(b => b.DependsOnAddons.Count == 0))
        {
            // After the nodes, so a destroy removes these objects (the add-ons' namespaces among them) and waits for
            // them to go while the nodes and cluster still run: see AddonNamespaces.
            own.Add(new ManifestBundle($"{name}-{bundle.Name}", ManifestBundleArgs.FromPlan(bundle), new ComponentResourceOptions
            {
                Provider = cluster.Provider,
                DependsOn = [.. own.TakeLast(1), .. cluster.Nodes],
            }));
        }

        var releases = new Dictionary<string, Resource>(StringComparer.Ordinal);
        // A release that needs another add-on waits for that add-on's objects too (a Kafka cluster, an issuer), not
        // only for its charts.
        var ready = new Dictionary<string, List<Resource>>(StringComparer.Ordinal);
        var config = new Config(SpecBinder.Namespace);
        foreach (var addon in plan.Addons.Where(a => a.Installed))
        {
            // The bucket exists before the identity that is granted it, and that before the pods that use it start.
            Resource[] bucket = addon.Bucket is { } store ? [cluster.Bucket($"{name}-{store.Purpose}", store)] : [];
            Resource[] identity = addon.Identity is { } planned ? [cluster.Identity($"{name}-{addon.Release!.Name}", planned, bucket)] : [];
            // So do the Secrets its pods mount, filled from secret config into the namespace the program owns.
            var secrets = addon.ConfigSecrets.Select(secret => new SecretFromConfig(
                $"{name}-{secret.Name}",
                SecretFromConfigArgs.FromPlan(
                    secret,
                    config.GetSecretObject<ImmutableDictionary<string, string>>(secret.ConfigKey) ?? Output.CreateSecret(ImmutableDictionary<string, string>.Empty)),
                new ComponentResourceOptions { Provider = cluster.Provider, DependsOn = [.. own] })).ToList();
            foreach (var release in addon.Releases)
            {
                var needs = release.DependsOn.Where(ready.ContainsKey).SelectMany(d => ready[d]);
                releases[release.Name] = new HelmAddon($"{name}-{release.Name}", HelmAddonArgs.FromPlan(release, createNamespace: false), new ComponentResourceOptions
                {
                    Provider = cluster.Provider,
                    DependsOn = [.. own, .. cluster.Nodes, .. identity, .. secrets, .. needs],
                });
                ready[release.Name] = [releases[release.Name]];
            }

            // Its objects, once every add-on they need is installed.
            foreach (var bundle in plan.Manifests.Where(b => b.DependsOnAddons.Contains(addon.Name)))
            {
                var owners = plan.Addons.Where(a => bundle.DependsOnAddons.Contains(a.Name)).SelectMany(a => a.Releases).ToList();
                if (!owners.All(r => releases.ContainsKey(r.Name)))
                {
                    continue;
                }

                var objects = new ManifestBundle($"{name}-{bundle.Name}", ManifestBundleArgs.FromPlan(bundle), new ComponentResourceOptions
                {
                    Provider = cluster.Provider,
                    DependsOn = [.. owners.Select(r => releases[r.Name])],
                });
                foreach (var owner in owners)
                {
                    ready[owner.Name].Add(objects);
                }
            }
        }
    }

    private static ClusterAccess BuildExisting(PlatformPlan plan, Dictionary<string, object?> outputs)
    {
        var existing = new ExistingCluster(plan.Cluster.Name, ExistingClusterArgs.FromPlan(plan.Cluster));
        outputs["kubeContext"] = existing.KubeContext;
        return new ClusterAccess(
            existing.Provider,
            [],
            (_, _, _) => throw new InvalidOperationException("an existing cluster has no cloud identities"),
            (_, _) => throw new InvalidOperationException("an existing cluster has no cloud storage"));
    }

    private static ClusterAccess BuildGke(PlatformPlan plan, Dictionary<string, object?> outputs)
    {
        var gke = GkePlatform.Create(plan);
        outputs["clusterEndpoint"] = gke.Cluster.Endpoint;
        outputs["clusterLocation"] = gke.Cluster.Location;
        outputs["kubeconfig"] = gke.Cluster.KubeconfigJson;
        outputs["networkId"] = gke.Network.NetworkId;
        outputs["subnetId"] = gke.Network.SubnetId;
        outputs["nodePoolNames"] = gke.PoolNames;
        outputs["workloadIdentityPool"] = gke.Cluster.WorkloadIdentityPool;
        var project = plan.Cluster.Gke!.Project;
        var pool = plan.Cluster.Gke.WorkloadPool;
        return new ClusterAccess(
            gke.Cluster.Provider,
            [.. gke.Pools],
            (identityName, identity, dependsOn) => new WorkloadIdentity(
                identityName,
                WorkloadIdentityArgs.FromPlan(identity.Gcp!, project, pool),
                new ComponentResourceOptions { DependsOn = [.. dependsOn], ResourceTransformations = { GkePlatform.Stamp(plan) } }),
            (bucketName, bucket) => new GcsBucket(bucketName, GcsBucketArgs.FromPlan(bucket, project, plan.Labels), new ComponentResourceOptions { Protect = bucket.Retain }));
    }

    private static ClusterAccess BuildEks(PlatformPlan plan, Dictionary<string, object?> outputs)
    {
        var eks = EksPlatform.Create(plan);
        outputs["clusterEndpoint"] = eks.Cluster.Endpoint;
        outputs["clusterLocation"] = plan.Cluster.Eks!.Region;
        outputs["kubeconfig"] = eks.Cluster.KubeconfigJson;
        outputs["networkId"] = eks.Network.VpcId;
        outputs["nodePoolNames"] = eks.GroupNames;
        outputs["oidcProviderArn"] = eks.Cluster.OidcProviderArn;
        outputs["subnetIds"] = eks.Network.PrivateSubnetIds;
        // Add-on pods need nodes and cluster DNS, which CoreDNS brings once the node groups exist.
        return new ClusterAccess(
            eks.Cluster.Provider,
            [.. eks.NodeGroups, eks.NodeAddons],
            (identityName, identity, dependsOn) => new AddonIdentity(
                identityName,
                AddonIdentityArgs.FromPlan(identity.Aws!, eks.Cluster.ClusterName),
                new ComponentResourceOptions { DependsOn = [.. dependsOn], ResourceTransformations = { EksPlatform.Stamp(plan) } }),
            (bucketName, bucket) => new S3Bucket(bucketName, S3BucketArgs.FromPlan(bucket), new ComponentResourceOptions { Protect = bucket.Retain, ResourceTransformations = { EksPlatform.Stamp(plan) } }));
    }

    /// <summary>
    /// How the program reaches a cluster: its Kubernetes provider, what must exist before pods can run, and how an
    /// add-on's cloud identity (after what it is granted) and its bucket are made there. A retained bucket is also
    /// protected in state.
    /// </summary>
    private sealed record ClusterAccess(
        K8s.Provider Provider,
        IReadOnlyList<Resource> Nodes,
        Func<string, AddonIdentityPlan, IReadOnlyList<Resource>, Resource> Identity,
        Func<string, Stacks.Storage.BucketPlan, Resource> Bucket);
}
