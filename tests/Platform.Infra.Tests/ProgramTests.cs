using Platform.Stacks.Tests;
using Platform.Tests.Pulumi;
using Pulumi;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Infra.Tests;

public class ProgramTests
{
    /// <summary>The config maps that only ever hold secrets, which the engine lists as secret keys.</summary>
    private static readonly string[] SecretMaps = ["platform:receiverSecrets", "platform:argocdSecrets", "platform:grafanaSecrets"];

    /// <summary>
    /// A committed stack's config as the engine hands it over, with the secrets its add-ons read set as a deploy would
    /// set them (with --secret), each to a stand-in value.
    /// </summary>
    private static string StackConfig(string stack, string? folder = null)
    {
        var text = File.ReadAllText(Path.Combine(folder ?? Repo.Root, $"Pulumi.{stack}.yaml"));
        var secrets = Stacks.Planner.PlanStackFile(folder ?? Repo.Root, stack).Plan!.Addons.SelectMany(a => a.ConfigSecrets)
            .GroupBy(s => s.ConfigKey)
            .Select(g => $"  platform:{g.Key}: {{ {string.Join(", ", g.SelectMany(s => s.Values).Select(v => v.Entry).Distinct().Select(k => $"{k}: stand-in"))} }}\n");
        return EngineConfigJson.FromStackFile(text + string.Concat(secrets));
    }

    private static async Task<(EchoMocks Mocks, IDictionary<string, object?> Outputs)> RunAsync(string stack, string engineConfigJson, string? secretKeys = null)
    {
        Environment.SetEnvironmentVariable(EngineConfig.Variable, engineConfigJson);
        // The engine lists the keys that hold secrets; receiver secrets are only ever set that way.
        Environment.SetEnvironmentVariable(
            EngineConfig.SecretKeysVariable,
            secretKeys ?? System.Text.Json.JsonSerializer.Serialize(SecretMaps.Where(k => engineConfigJson.Contains($"\"{k}\"", StringComparison.Ordinal))));
        var mocks = new EchoMocks();
        var (_, outputs) = await mocks.RunAsync(PlatformProgram.Run, stack);
        return (mocks, outputs);
    }

    [Fact]
    public async Task ProdStackExportsItsClusterAndPinnedReleases()
    {
        var (_, outputs) = await RunAsync("prod", StackConfig("prod"));

        Assert.Equal("prod", outputs["environment"]);
        Assert.Equal("gcp", outputs["cloud"]);
        Assert.Equal("prod", outputs["clusterName"]);
        var releases = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(outputs["helmReleases"]);
        Assert.Equal("cert-manager@v1.21.1", releases["cert-manager"]);
        Assert.DoesNotContain("tigera-operator", releases.Keys);
        var pools = await Assert.IsAssignableFrom<Output<System.Collections.Immutable.ImmutableArray<string>>>(outputs["nodePoolNames"]).ValueAsync();
        Assert.Equal(Stacks.Planner.PlanStackFile(Repo.Root, "prod").Plan!.NodePools.Select(p => p.Name), pools.ToArray());
        Assert.All(pools, p => Assert.StartsWith("prod-", p, StringComparison.Ordinal));
        Assert.Equal("acme-platform-prod.svc.id.goog", await Assert.IsAssignableFrom<Output<string>>(outputs["workloadIdentityPool"]).ValueAsync());
    }

    /// <summary>Every committed and example stack, with the folder of its stack file (null: the repository root).</summary>
    public static TheoryData<string, string?> CommittedStacks() => new()
    {
        { "staging", null },
        { "prod", null },
        { "aws-prod", "examples" },
        { "local", "examples" },
    };

    /// <summary>Runs the program for a committed or example stack.</summary>
    private static Task<(EchoMocks Mocks, IDictionary<string, object?> Outputs)> RunStackAsync(string stack, string? folder) =>
        RunAsync(stack, StackConfig(stack, Folder(folder)));

    private static string? Folder(string? folder) => folder is null ? null : Path.Combine(Repo.Root, folder);

    [Theory]
    [MemberData(nameof(CommittedStacks))]
    public async Task ProgramExportsExactlyTheOutputsThePlanNames(string stack, string? folder)
    {
        var (_, outputs) = await RunStackAsync(stack, folder);
        var plan = Stacks.Planner.PlanStackFile(Folder(folder) ?? Repo.Root, stack).Plan!;

        Assert.Equal(plan.Outputs, outputs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KubeconfigIsASecretOutputUsingTheGkeAuthPlugin()
    {
        var (_, outputs) = await RunAsync("staging", StackConfig("staging"));
        var kubeconfig = Assert.IsAssignableFrom<Output<string>>(outputs["kubeconfig"]);

        Assert.True(await Output.IsSecretAsync(kubeconfig));
        Assert.Contains("gke-gcloud-auth-plugin", await kubeconfig.ValueAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistingClusterStackCreatesNoCloudResourcesAtAll()
    {
        var (mocks, outputs) = await RunAsync("local", StackConfig("local", Repo.Examples));

        Assert.Equal(
            ["kubernetes:core/v1:Secret", .. Enumerable.Repeat("kubernetes:helm.sh/v3:Release", 8), .. Enumerable.Repeat("kubernetes:yaml/v2:ConfigGroup", 9), "pulumi:providers:kubernetes"],
            mocks.CustomResources.Select(r => r.Type).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(mocks.Registered, r => r.Type!.StartsWith("gcp:", StringComparison.Ordinal) || r.Type.StartsWith("aws:", StringComparison.Ordinal));
        Assert.Equal("kind-platform", await Assert.IsAssignableFrom<Output<string>>(outputs["kubeContext"]).ValueAsync());
    }

    [Fact]
    public async Task EveryResourceNameDerivesFromTheClusterNameWithoutCollisions()
    {
        var (mocks, _) = await RunAsync("prod", StackConfig("prod"));
        var names = mocks.Registered.Select(r => (r.Type, r.Name)).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.True(n.Name == "prod" || n.Name!.StartsWith("prod-", StringComparison.Ordinal), n.Name));
    }

    [Fact]
    public async Task BadConfigStopsTheUpdateWithEveryErrorInOneMessage()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync("staging", """{"platform:cloud":"gpc","platform:nodepools":"{}"}"""));

        var message = error.ToString();
        Assert.Contains("platform:cloud: 'gpc' is not allowed; did you mean 'gcp'?", message, StringComparison.Ordinal);
        Assert.Contains("platform:nodepools: is not a known key; did you mean 'platform:nodePools'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsStackBuildsAnEksClusterWithItsNodeGroupsAndOidcProvider()
    {
        var (mocks, outputs) = await RunAsync("aws-prod", StackConfig("aws-prod", Repo.Examples));

        Assert.Single(mocks.OfType("aws:eks/cluster:Cluster"));
        Assert.Equal(4, mocks.OfType("aws:eks/nodeGroup:NodeGroup").Count);
        Assert.Equal("eu-west-1", outputs["clusterLocation"]);
        var kubeconfig = Assert.IsAssignableFrom<Output<string>>(outputs["kubeconfig"]);
        Assert.True(await Output.IsSecretAsync(kubeconfig));
        Assert.Contains("get-token", await kubeconfig.ValueAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CommittedStacks))]
    public async Task EachStackRegistersExactlyThisManyResourcesOfEachType(string stack, string? folder)
    {
        var (mocks, _) = await RunStackAsync(stack, folder);

        var counts = mocks.Registered.GroupBy(r => r.Type!).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        Assert.Equal(ExpectedCounts[stack], counts);
    }

    [Fact]
    public async Task OnEksTheAddonsThatNeedNodesWaitForEveryNodeGroup()
    {
        var (mocks, _) = await RunAsync("aws-prod", StackConfig("aws-prod", Repo.Examples));
        var groups = mocks.Options.Where(o => o.Type == "platform:aws:EksNodeGroup").Select(o => o.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(4, groups.Count);
        foreach (var dependent in new[] { ("platform:aws:EksNodeAddons", "aws-prod"), ("platform:kubernetes:HelmAddon", "aws-prod-cluster-autoscaler") })
        {
            var dependencies = await mocks.OptionsOf(dependent.Item1, dependent.Item2).DependenciesAsync();
            Assert.Equal(groups, dependencies.Where(d => d.Type == "platform:aws:EksNodeGroup").Select(d => d.Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task OnEksTheClusterWaitsForItsRolesPoliciesAndTheNodeGroupsForTheNodeRoles()
    {
        var (mocks, _) = await RunAsync("aws-prod", StackConfig("aws-prod", Repo.Examples));

        var cluster = await mocks.OptionsOf("aws:eks/cluster:Cluster", "aws-prod-cluster").DependenciesAsync();
        Assert.Contains(("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws-prod-cluster-AmazonEKSClusterPolicy"), cluster);
        var groups = mocks.Options.Where(o => o.Type == "platform:aws:EksNodeGroup").ToList();
        Assert.Equal(4, groups.Count);
        foreach (var group in groups)
        {
            var dependencies = await group.DependenciesAsync();
            Assert.Equal(3, dependencies.Count);
            Assert.All(dependencies, d => Assert.StartsWith("aws-prod-nodes-", d.Name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheProgramAppliesThePlansBundlesThroughTheClustersProviderInApplyOrder()
    {
        var (mocks, _) = await RunAsync("prod", StackConfig("prod"));

        var classes = mocks.OptionsOf("platform:kubernetes:ManifestBundle", "prod-priority-classes");
        var tenants = mocks.OptionsOf("platform:kubernetes:ManifestBundle", "prod-tenants");
        Assert.Equal("prod-provider", classes.Provider);
        Assert.Equal("prod-provider", tenants.Provider);
        Assert.Equal(
            [("platform:kubernetes:ManifestBundle", "prod-priority-classes"), .. Pools("prod")],
            await tenants.DependenciesAsync());
        Assert.Equal(
            [("platform:kubernetes:ManifestBundle", "prod-addon-namespaces"), .. Pools("prod")],
            await classes.DependenciesAsync());
    }

    private static (string, string)[] Pools(string cluster) =>
        [.. new[] { "system", "general", "compute", "stateful" }.Select(role => ("platform:gcp:GkeNodePool", $"{cluster}-{role}"))];

    [Theory]
    [InlineData("prod", null, "platform:gcp:GkeNodePool", 4)]
    [InlineData("aws-prod", "examples", "platform:aws:EksNodeGroup", 4)]
    public async Task TeardownRemovesTheAddonsNamespacesBeforeTheNodes(string stack, string? folder, string poolType, int pools)
    {
        var (mocks, _) = await RunStackAsync(stack, folder);

        // Pulumi deletes in reverse dependency order, and waits for each namespace to be gone: with the namespaces
        // depending on every pool and every release depending on its namespace, the namespaces (and the load
        // balancers and volumes in them) go after the releases and before any node or the cluster.
        var namespaces = await mocks.OptionsOf("platform:kubernetes:ManifestBundle", $"{stack}-addon-namespaces").DependenciesAsync();
        Assert.Equal(pools, namespaces.Count(d => d.Type == poolType));
        // The Cluster Autoscaler belongs to the cluster layer and runs in kube-system, which is the cluster's own.
        foreach (var release in mocks.Options.Where(o => o.Type == "platform:kubernetes:HelmAddon" && o.Name != $"{stack}-cluster-autoscaler"))
        {
            Assert.Contains(("platform:kubernetes:ManifestBundle", $"{stack}-addon-namespaces"), await release.DependenciesAsync());
        }

        Assert.All(mocks.OfType("kubernetes:helm.sh/v3:Release"), r => Assert.Equal(false, EchoMocks.Input(r, "createNamespace")));
    }

    [Fact]
    public async Task AddonsInstallAfterThePlatformsOwnObjectsAndTheNodesAndTheirObjectsAfterThem()
    {
        var (mocks, _) = await RunAsync("prod", StackConfig("prod"));

        var certManager = mocks.OptionsOf("platform:kubernetes:HelmAddon", "prod-cert-manager");
        var dependencies = await certManager.DependenciesAsync();
        Assert.Equal("prod-provider", certManager.Provider);
        Assert.Contains(("platform:kubernetes:ManifestBundle", "prod-priority-classes"), dependencies);
        Assert.Equal(4, dependencies.Count(d => d.Type == "platform:gcp:GkeNodePool"));
        Assert.Equal([("platform:kubernetes:HelmAddon", "prod-cert-manager")], await mocks.OptionsOf("platform:kubernetes:ManifestBundle", "prod-cert-manager").DependenciesAsync());
        Assert.Contains(("platform:kubernetes:ManifestBundle", "prod-addon-namespaces"), dependencies);
    }

    /// <summary>Prod, whose alerting names three receivers, with the given receiver secrets.</summary>
    private static string ProdWithReceiverSecrets(string secrets) => EngineConfigJson.FromStackFile(
        File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.prod.yaml")) + $"  platform:receiverSecrets: {secrets}\n  platform:argocdSecrets: {{ adminPassword: stand-in, oidcClientSecret: stand-in }}\n  platform:grafanaSecrets: {{ adminPassword: stand-in, oidcClientSecret: stand-in }}\n");

    [Fact]
    public async Task AlertReceiversSecretsReachAlertmanagerOnlyThroughASecretMadeBeforeTheRelease()
    {
        var (mocks, _) = await RunAsync("prod", ProdWithReceiverSecrets("""{ oncall: "routing-key", platform-chat: "https://hooks.slack.example/T0", payments-chat: "https://hooks.slack.example/T1" }"""));

        var secret = Assert.Single(mocks.OfType("kubernetes:core/v1:Secret"), s => (string?)EchoMocks.Input(s, "metadata.name") == "alertmanager-receivers");
        Assert.Equal("monitoring", EchoMocks.Input(secret, "metadata.namespace"));
        Assert.Equal("routing-key", SecretData(secret, "oncall"));
        Assert.Equal("https://hooks.slack.example/T0", SecretData(secret, "platform-chat"));
        Assert.Equal("https://hooks.slack.example/T1", SecretData(secret, "payments-chat"));
        var release = mocks.OptionsOf("platform:kubernetes:HelmAddon", "prod-kube-prometheus-stack");
        Assert.Contains(("platform:kubernetes:SecretFromConfig", "prod-alertmanager-receivers"), await release.DependenciesAsync());
        Assert.Contains(("platform:kubernetes:ManifestBundle", "prod-addon-namespaces"), await mocks.OptionsOf("platform:kubernetes:SecretFromConfig", "prod-alertmanager-receivers").DependenciesAsync());
        var values = System.Text.Json.JsonSerializer.Serialize(EchoMocks.Input(Assert.Single(mocks.OfType("kubernetes:helm.sh/v3:Release"), r => (string)EchoMocks.Input(r, "name")! == "kube-prometheus-stack"), "values"));
        Assert.DoesNotContain("routing-key", values, StringComparison.Ordinal);
        Assert.Contains("/etc/alertmanager/secrets/alertmanager-receivers/oncall", values, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiverWithoutItsSecretStopsTheUpdateNamingTheKeyToSet()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync("prod", ProdWithReceiverSecrets("""{ oncall: "routing-key", platform-chat: "https://hooks.slack.example/T0" }""")));

        Assert.Contains("platform:receiverSecrets.payments-chat is not set; set it with pulumi config set --secret --path 'platform:receiverSecrets.payments-chat' <value>", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADevStackWithoutAnArgoCdPasswordLeavesItToArgoCdAndASharedStackStops()
    {
        var local = EngineConfigJson.FromStackFile(File.ReadAllText(Path.Combine(Repo.Examples, "Pulumi.local.yaml")));
        var (mocks, _) = await RunAsync("local", local);

        var secret = Assert.Single(mocks.OfType("kubernetes:core/v1:Secret"), s => (string?)EchoMocks.Input(s, "metadata.name") == "argocd-secret");
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(EchoMocks.Input(secret, "data")));

        var staging = EngineConfigJson.FromStackFile(File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.staging.yaml")));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync("staging", staging));
        Assert.Contains("platform:argocdSecrets.adminPassword is not set; set it with pulumi config set --secret --path 'platform:argocdSecrets.adminPassword' <value>", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LokisBucketIsProtectedAndRetainedInProdAndOnlyItsIdentityMayUseIt()
    {
        var (prod, _) = await RunAsync("prod", StackConfig("prod"));
        var (staging, _) = await RunAsync("staging", StackConfig("staging"));

        var planned = Stacks.Planner.PlanStackFile(Repo.Root, "prod").Plan!.Addons.Single(a => a.Name == "loki").Bucket!;
        var bucket = Assert.Single(prod.OfType("gcp:storage/bucket:Bucket"), b => b.Name == "prod-loki-bucket");
        Assert.Equal(planned.Name, EchoMocks.Input(bucket, "name"));
        Assert.Equal("enforced", EchoMocks.Input(bucket, "publicAccessPrevention"));
        Assert.Equal(false, EchoMocks.Input(bucket, "forceDestroy"));
        var options = prod.OptionsOf("gcp:storage/bucket:Bucket", "prod-loki-bucket");
        Assert.True(options.Protect);
        Assert.True(options.RetainOnDelete);
        var stagingOptions = staging.OptionsOf("gcp:storage/bucket:Bucket", "staging-loki-bucket");
        Assert.False(stagingOptions.Protect || stagingOptions.RetainOnDelete);
        Assert.Equal(true, EchoMocks.Input(Assert.Single(staging.OfType("gcp:storage/bucket:Bucket"), b => b.Name == "staging-loki-bucket"), "forceDestroy"));

        var roles = prod.OfType("gcp:storage/bucketIAMMember:BucketIAMMember").Where(m => (string?)EchoMocks.Input(m, "bucket") == planned.Name).Select(m => (string)EchoMocks.Input(m, "role")!);
        Assert.Equal(["roles/storage.legacyBucketReader", "roles/storage.objectAdmin"], roles.Order(StringComparer.Ordinal));
        Assert.Contains(("platform:gcp:GcsBucket", "prod-loki"), await prod.OptionsOf("platform:gcp:WorkloadIdentity", "prod-loki").DependenciesAsync());
        Assert.Contains(("platform:gcp:WorkloadIdentity", "prod-loki"), await prod.OptionsOf("platform:kubernetes:HelmAddon", "prod-loki").DependenciesAsync());
    }

    [Fact]
    public async Task OnEksLokisBucketKeepsItsPublicAccessBlockWhenRetained()
    {
        var (mocks, _) = await RunAsync("aws-prod", StackConfig("aws-prod", Repo.Examples));

        Assert.All(
            ["aws:s3/bucket:Bucket", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"],
            type => Assert.True(mocks.Options.Single(o => o.Type == type && o.Name.StartsWith("aws-prod-loki-", StringComparison.Ordinal)).RetainOnDelete, type));
        var lifecycle = Assert.Single(mocks.OfType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration"), b => b.Name == "aws-prod-loki-lifecycle");
        var planned = Stacks.Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!.Addons.Single(a => a.Name == "loki").Bucket!;
        var rule = Assert.IsAssignableFrom<IDictionary<string, object>>(Assert.Single(Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(lifecycle, "rules"))));
        Assert.Equal((double)planned.ExpireAfterDays, ((IDictionary<string, object>)rule["expiration"])["days"]);
        Assert.Equal((double)planned.AbortUploadsAfterDays, ((IDictionary<string, object>)rule["abortIncompleteMultipartUpload"])["daysAfterInitiation"]);
        var block = Assert.Single(mocks.OfType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"), b => b.Name == "aws-prod-loki-public-access");
        Assert.All(["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"], key => Assert.Equal(true, EchoMocks.Input(block, key)));
        var bucket = Stacks.Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!.Addons.Single(a => a.Name == "loki").Bucket!.Name;
        var policy = Assert.Single(mocks.OfType("aws:iam/rolePolicy:RolePolicy"), p => ((string)EchoMocks.Input(p, "policy")!).Contains($"arn:aws:s3:::{bucket}", StringComparison.Ordinal));
        Assert.Contains($"arn:aws:s3:::{bucket}/*", (string)EchoMocks.Input(policy, "policy")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnEksTheOperatorWaitsForCalicosCrdsAndEveryAddonForCoreDns()
    {
        var (mocks, _) = await RunAsync("aws-prod", StackConfig("aws-prod", Repo.Examples));

        var operatorDependencies = await mocks.OptionsOf("platform:kubernetes:HelmAddon", "aws-prod-tigera-operator").DependenciesAsync();
        Assert.Contains(("platform:kubernetes:HelmAddon", "aws-prod-calico-crds"), operatorDependencies);
        Assert.Contains(("platform:aws:EksNodeAddons", "aws-prod"), operatorDependencies);
    }

    [Fact]
    public async Task EveryAddonOnInProdIsOneHelmRelease()
    {
        var (mocks, _) = await RunAsync("prod", StackConfig("prod"));

        var installed = mocks.OfType("kubernetes:helm.sh/v3:Release").Select(r => (string)EchoMocks.Input(r, "name")!);
        Assert.Equal(["alloy", "argo-cd", "cert-manager", "envoy-gateway", "external-dns", "grafana", "kube-prometheus-stack", "kyverno", "loki", "mimir", "strimzi", "tempo"], installed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DistributedTempoStartsOnlyOnceKafkasClusterAndTopicAreApplied()
    {
        var (mocks, _) = await RunAsync("prod", StackConfig("prod"));

        var dependencies = await mocks.OptionsOf("platform:kubernetes:HelmAddon", "prod-tempo").DependenciesAsync();
        Assert.Contains(("platform:kubernetes:HelmAddon", "prod-strimzi"), dependencies);
        Assert.Contains(("platform:kubernetes:ManifestBundle", "prod-strimzi"), dependencies);
    }

    [Fact]
    public async Task OnGkeExternalDnsStartsAfterItsWorkloadIdentityWhichOnlyItsServiceAccountMayUse()
    {
        var (mocks, _) = await RunAsync("prod", StackConfig("prod"));

        var dependencies = await mocks.OptionsOf("platform:kubernetes:HelmAddon", "prod-external-dns").DependenciesAsync();
        Assert.Contains(("platform:gcp:WorkloadIdentity", "prod-external-dns"), dependencies);
        var binding = mocks.Registered.Single(r => r.Name == "prod-external-dns-workload-identity");
        Assert.Equal("roles/iam.workloadIdentityUser", EchoMocks.Input(binding, "role"));
        Assert.Equal("serviceAccount:acme-platform-prod.svc.id.goog[external-dns/external-dns]", EchoMocks.Input(binding, "member"));
        var zone = mocks.Registered.Single(r => r.Name == "prod-external-dns-zone-dns.admin");
        Assert.Equal("prod-example-com", EchoMocks.Input(zone, "managedZone"));
        Assert.Equal("serviceAccount:prod-external-dns@acme-platform-prod.iam.gserviceaccount.com", EchoMocks.Input(zone, "member"));
    }

    [Fact]
    public async Task OnEksExternalDnsAndCertManagerGetPodIdentityRoles()
    {
        var (mocks, _) = await RunAsync("aws-prod", StackConfig("aws-prod", Repo.Examples));

        var associations = mocks.OfType("aws:eks/podIdentityAssociation:PodIdentityAssociation")
            .Select(a => $"{EchoMocks.Input(a, "namespace")}/{EchoMocks.Input(a, "serviceAccount")}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["cert-manager/cert-manager", "external-dns/external-dns", "kube-system/aws-load-balancer-controller", "kube-system/cluster-autoscaler", "observability/loki", "observability/mimir", "observability/tempo"], associations);
        Assert.Contains(("platform:aws:AddonIdentity", "aws-prod-cert-manager"), await mocks.OptionsOf("platform:kubernetes:HelmAddon", "aws-prod-cert-manager").DependenciesAsync());
    }

    [Theory]
    [InlineData("prod", null, "platform:gcp:GkeNodePool")]
    [InlineData("aws-prod", "examples", "platform:aws:EksNodeGroup")]
    public async Task EveryInstalledReleaseGoesThroughTheClustersProviderAfterEveryPool(string stack, string? folder, string poolType)
    {
        var path = folder is null ? null : Path.Combine(Repo.Root, folder);
        var (mocks, _) = await RunAsync(stack, StackConfig(stack, path));
        var plan = Stacks.Planner.PlanStackFile(path ?? Repo.Root, stack).Plan!;

        foreach (var release in plan.Addons.Where(a => a.Installed).SelectMany(a => a.Releases))
        {
            var options = mocks.OptionsOf("platform:kubernetes:HelmAddon", $"{stack}-{release.Name}");
            var dependencies = await options.DependenciesAsync();
            Assert.Equal($"{stack}-provider", options.Provider);
            Assert.Equal(plan.NodePools.Count, dependencies.Count(d => d.Type == poolType));
            Assert.All(release.DependsOn, d => Assert.Contains(("platform:kubernetes:HelmAddon", $"{stack}-{d}"), dependencies));
        }
    }

    /// <summary>
    /// The staging GKE stack with four pools: network, cluster, node identity with two roles, four pools, one provider;
    /// then add-on namespaces, priority classes and tenants; eleven releases (Kyverno, cert-manager, Envoy Gateway,
    /// external-dns, kube-prometheus-stack, Argo CD, Loki, Tempo, Mimir, Alloy, Grafana; Calico is GKE's own) and the
    /// objects of six of them; Workload Identities for external-dns, Loki, Tempo and Mimir, the last three with a
    /// bucket each and two roles on it; and the Secrets of Argo CD's and Grafana's admin passwords. Prod adds
    /// cert-manager's identity, for its DNS-01 challenges, the Secret of its alert receivers, and that of Grafana's
    /// sign-in client.
    /// </summary>
    private static readonly string[] Staging =
    [
        "gcp:compute/network:Network 1",
        "gcp:compute/router:Router 1",
        "gcp:compute/routerNat:RouterNat 1",
        "gcp:compute/subnetwork:Subnetwork 1",
        "gcp:container/cluster:Cluster 1",
        "gcp:container/nodePool:NodePool 4",
        "gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember 1",
        "gcp:projects/iAMMember:IAMMember 3",
        "gcp:serviceaccount/account:Account 5",
        "gcp:serviceaccount/iAMMember:IAMMember 4",
        "gcp:storage/bucket:Bucket 3",
        "gcp:storage/bucketIAMMember:BucketIAMMember 6",
        "kubernetes:core/v1:Secret 2",
        "kubernetes:helm.sh/v3:Release 11",
        "kubernetes:yaml/v2:ConfigGroup 9",
        "platform:gcp:GcsBucket 3",
        "platform:gcp:GkeCluster 1",
        "platform:gcp:GkeNetwork 1",
        "platform:gcp:GkeNodePool 4",
        "platform:gcp:WorkloadIdentity 4",
        "platform:kubernetes:HelmAddon 11",
        "platform:kubernetes:ManifestBundle 9",
        "platform:kubernetes:SecretFromConfig 2",
        "pulumi:providers:kubernetes 1",
    ];

    private static readonly Dictionary<string, string[]> ExpectedCounts = new(StringComparer.Ordinal)
    {
        ["staging"] = Staging,
        ["prod"] =
        [
            "gcp:compute/network:Network 1",
            "gcp:compute/router:Router 1",
            "gcp:compute/routerNat:RouterNat 1",
            "gcp:compute/subnetwork:Subnetwork 1",
            "gcp:container/cluster:Cluster 1",
            "gcp:container/nodePool:NodePool 4",
            "gcp:dns/dnsManagedZoneIamMember:DnsManagedZoneIamMember 2",
            "gcp:projects/iAMMember:IAMMember 3",
            "gcp:serviceaccount/account:Account 6",
            "gcp:serviceaccount/iAMMember:IAMMember 5",
            "gcp:storage/bucket:Bucket 3",
            "gcp:storage/bucketIAMMember:BucketIAMMember 6",
            "kubernetes:core/v1:Secret 4",
            "kubernetes:helm.sh/v3:Release 12",
            "kubernetes:yaml/v2:ConfigGroup 10",
            "platform:gcp:GcsBucket 3",
            "platform:gcp:GkeCluster 1",
            "platform:gcp:GkeNetwork 1",
            "platform:gcp:GkeNodePool 4",
            "platform:gcp:WorkloadIdentity 5",
            "platform:kubernetes:HelmAddon 12",
            "platform:kubernetes:ManifestBundle 10",
            "platform:kubernetes:SecretFromConfig 4",
            "pulumi:providers:kubernetes 1",
        ],
        ["aws-prod"] =
        [
            "aws:cloudwatch/logGroup:LogGroup 1",
            "aws:ec2/eip:Eip 3",
            "aws:ec2/internetGateway:InternetGateway 1",
            "aws:ec2/launchTemplate:LaunchTemplate 4",
            "aws:ec2/natGateway:NatGateway 3",
            "aws:ec2/routeTable:RouteTable 4",
            "aws:ec2/routeTableAssociation:RouteTableAssociation 6",
            "aws:ec2/subnet:Subnet 6",
            "aws:ec2/vpc:Vpc 1",
            "aws:eks/accessEntry:AccessEntry 2",
            "aws:eks/accessPolicyAssociation:AccessPolicyAssociation 2",
            "aws:eks/addon:Addon 5",
            "aws:eks/cluster:Cluster 1",
            "aws:eks/nodeGroup:NodeGroup 4",
            "aws:eks/podIdentityAssociation:PodIdentityAssociation 7",
            "aws:iam/openIdConnectProvider:OpenIdConnectProvider 1",
            "aws:iam/role:Role 10",
            "aws:iam/rolePolicy:RolePolicy 7",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment 5",
            "aws:kms/alias:Alias 1",
            "aws:kms/key:Key 1",
            "aws:s3/bucket:Bucket 3",
            "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration 3",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock 3",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration 3",
            "kubernetes:core/v1:Secret 2",
            "kubernetes:helm.sh/v3:Release 16",
            "kubernetes:yaml/v2:ConfigGroup 10",
            "platform:aws:AddonIdentity 7",
            "platform:aws:EksCluster 1",
            "platform:aws:EksNetwork 1",
            "platform:aws:EksNodeAddons 1",
            "platform:aws:EksNodeGroup 4",
            "platform:aws:S3Bucket 3",
            "platform:kubernetes:HelmAddon 16",
            "platform:kubernetes:ManifestBundle 10",
            "platform:kubernetes:SecretFromConfig 2",
            "pulumi:providers:kubernetes 1",
        ],
        ["local"] =
        [
            "kubernetes:core/v1:Secret 1",
            "kubernetes:helm.sh/v3:Release 8",
            "kubernetes:yaml/v2:ConfigGroup 9",
            "platform:cluster:ExistingCluster 1",
            "platform:kubernetes:HelmAddon 8",
            "platform:kubernetes:ManifestBundle 9",
            "platform:kubernetes:SecretFromConfig 1",
            "pulumi:providers:kubernetes 1",
        ],
    };

    /// <summary>A key of a Secret's data as the program handed it over, decoded from base64; null when absent.</summary>
    private static string? SecretData(Pulumi.Testing.MockResourceArgs secret, string key) =>
        EchoMocks.Input(secret, "data") is IReadOnlyDictionary<string, object> data && data.TryGetValue(key, out var value)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)value))
            : null;
}
