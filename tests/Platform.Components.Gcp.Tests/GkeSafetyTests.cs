using Platform.Stacks;
using Platform.Stacks.Tests;
using Platform.Tests.Pulumi;
using TestStacks = Platform.Stacks.Tests.Stacks;

namespace Platform.Components.Gcp.Tests;

/// <summary>The review findings on the GKE layer, each pinned by what the program registers.</summary>
public class GkeSafetyTests
{
    private const string ClusterType = "gcp:container/cluster:Cluster";
    private const string PoolType = "gcp:container/nodePool:NodePool";

    private static Task<EchoMocks> BuildAsync(PlatformPlan plan) => EchoMocks.BuildAsync(plan, p => GkePlatform.Create(p));

    private static PlatformPlan Committed(string stack) => Planner.PlanStackFile(Repo.Root, stack).Plan!;

    private static PlatformPlan Staging(string clusterExtra) => TestStacks.Valid(TestStacks.Config(
        TestStacks.Project,
        TestStacks.Gcp,
        "platform:cluster:\n  region: europe-west1\n  zones: [europe-west1-b, europe-west1-c, europe-west1-d]\n" + clusterExtra));

    [Fact]
    public async Task APrivateEndpointIsReachableOnlyFromTheListedPrivateRanges()
    {
        var cluster = Assert.Single((await BuildAsync(Staging("  privateEndpoint: true\n  authorizedNetworks: [10.8.0.0/16]"))).OfType(ClusterType));

        Assert.Equal(true, EchoMocks.Input(cluster, "privateClusterConfig.enablePrivateEndpoint"));
        var block = Assert.IsAssignableFrom<IDictionary<string, object>>(Assert.Single(Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(cluster, "masterAuthorizedNetworksConfig.cidrBlocks"))));
        Assert.Equal("10.8.0.0/16", block["cidrBlock"]);
        Assert.Equal(false, EchoMocks.Input(cluster, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled"));
    }

    [Fact]
    public async Task BinaryAuthorizationIsEnforcedInProd()
    {
        Assert.Equal("PROJECT_SINGLETON_POLICY_ENFORCE", EchoMocks.Input(Assert.Single((await BuildAsync(Committed("prod"))).OfType(ClusterType)), "binaryAuthorization.evaluationMode"));
        Assert.Equal("DISABLED", EchoMocks.Input(Assert.Single((await BuildAsync(Committed("staging"))).OfType(ClusterType)), "binaryAuthorization.evaluationMode"));
    }

    [Fact]
    public async Task DataplaneV2TurnsCalicoOff()
    {
        var cluster = Assert.Single((await BuildAsync(Staging("  authorizedNetworks: [203.0.113.0/24]\n  networkPolicy: dataplaneV2"))).OfType(ClusterType));

        Assert.Equal("ADVANCED_DATAPATH", EchoMocks.Input(cluster, "datapathProvider"));
        Assert.Equal(false, EchoMocks.Input(cluster, "networkPolicy.enabled"));
        Assert.Equal(true, EchoMocks.Input(cluster, "addonsConfig.networkPolicyConfig.disabled"));
    }

    [Fact]
    public async Task ProdProtectsTheNetworkClusterAndNodeIdentityButNeverNodePoolsOrTheProvider()
    {
        var mocks = await BuildAsync(Committed("prod"));

        Assert.All(
            ["gcp:compute/network:Network", "gcp:compute/subnetwork:Subnetwork", "gcp:compute/router:Router", "gcp:compute/routerNat:RouterNat", ClusterType, "gcp:serviceaccount/account:Account"],
            type => Assert.True(mocks.Options.Single(o => o.Type == type).Protect, type));
        var replaceable = mocks.Options.Where(o => o.Type is PoolType or "pulumi:providers:kubernetes" or "platform:gcp:GkeNodePool").ToList();
        Assert.Equal(9, replaceable.Count); // four pools, their four components, one provider
        Assert.All(replaceable, o => Assert.False(o.Protect, o.Name));
    }

    [Fact]
    public async Task NothingIsProtectedInStaging() =>
        Assert.DoesNotContain((await BuildAsync(Committed("staging"))).Options, o => o.Protect);

    [Fact]
    public async Task NodePoolsAreReplacedCreateBeforeDeleteUnderTheirPlannedName()
    {
        var plan = Committed("prod");
        var mocks = await BuildAsync(plan);

        foreach (var pool in plan.NodePools)
        {
            var options = mocks.OptionsOf(PoolType, $"{pool.ResourceName}-pool");
            Assert.False(options.DeleteBeforeReplace);
            Assert.Equal(["initialNodeCount"], options.IgnoreChanges);
            Assert.Contains(mocks.OfType(PoolType), p => p.Name == $"{pool.ResourceName}-pool" && (string?)EchoMocks.Input(p, "name") == pool.Name);
        }
    }

    [Fact]
    public async Task AMachineTypeChangeRenamesThePoolButKeepsItsResourceName()
    {
        var before = (await BuildAsync(Committed("staging"))).OfType(PoolType).Single(p => p.Name == "staging-general-pool");
        var changed = TestStacks.Valid(TestStacks.GcpStaging("platform:nodePools:\n  general: { machineType: n2-standard-8 }"));
        var after = (await BuildAsync(changed)).OfType(PoolType).Single(p => p.Name == "staging-general-pool");

        Assert.NotEqual(EchoMocks.Input(before, "name"), EchoMocks.Input(after, "name"));
    }

    [Fact]
    public async Task TheNatAndDefaultPoolSettingsComeFromThePlan()
    {
        var plan = Committed("prod");
        var mocks = await BuildAsync(plan);
        var nat = Assert.Single(mocks.OfType("gcp:compute/routerNat:RouterNat"));
        var cluster = Assert.Single(mocks.OfType(ClusterType));

        Assert.Equal(plan.Cluster.Gke!.Nat.IpAllocation, EchoMocks.Input(nat, "natIpAllocateOption"));
        Assert.Equal(plan.Cluster.Gke.Nat.LogFilter, EchoMocks.Input(nat, "logConfig.filter"));
        Assert.Equal(plan.Cluster.Gke.DefaultPool.OauthScopes, Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(cluster, "nodeConfig.oauthScopes")));
        Assert.All(mocks.OfType(PoolType), p => Assert.Equal("BALANCED", EchoMocks.Input(p, "autoscaling.locationPolicy")));
    }

    [Fact]
    public async Task DevStacksLetTheProviderForgetAnUnreachableCluster()
    {
        var dev = TestStacks.Valid(TestStacks.Config(TestStacks.Project, TestStacks.Gcp, TestStacks.Cluster, "platform:expiresAt: 2099-12-31"), "dev-alice");

        Assert.Equal("true", EchoMocks.Input(Assert.Single((await BuildAsync(dev)).OfType("pulumi:providers:kubernetes")), "deleteUnreachable"));
        Assert.Equal("false", EchoMocks.Input(Assert.Single((await BuildAsync(Committed("staging"))).OfType("pulumi:providers:kubernetes")), "deleteUnreachable"));
    }

    [Fact]
    public async Task TheClusterCarriesTheStacksLabelsWhichGkeHandsOnToItsNodes()
    {
        var cluster = Assert.Single((await BuildAsync(Committed("staging"))).OfType(ClusterType));

        var labels = Assert.IsAssignableFrom<IDictionary<string, object>>(EchoMocks.Input(cluster, "resourceLabels"));
        Assert.Equal("staging", labels["platform-stack"]);
        Assert.Equal("staging", labels["platform-environment"]);
    }
}
