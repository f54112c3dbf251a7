using Platform.Stacks;
using Platform.Stacks.Tests;
using Platform.Tests.Pulumi;
using Pulumi.Testing;

namespace Platform.Components.Gcp.Tests;

public class GkeComponentTests
{
    private static PlatformPlan Plan(string stack) => Planner.PlanStackFile(Repo.Root, stack).Plan!;

    /// <summary>Builds the GKE components for a committed stack's plan, the way the program wires them.</summary>
    private static Task<EchoMocks> BuildAsync(string stack) => EchoMocks.BuildAsync(Plan(stack), p => GkePlatform.Create(p));

    private static MockResourceArgs Cluster(EchoMocks mocks) => Assert.Single(mocks.OfType("gcp:container/cluster:Cluster"));

    [Fact]
    public async Task ProdClusterIsRegionalWithThreeNodeLocations()
    {
        var cluster = Cluster(await BuildAsync("prod"));

        Assert.Equal("europe-west1", EchoMocks.Input(cluster, "location"));
        Assert.Equal(["europe-west1-b", "europe-west1-c", "europe-west1-d"], Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(cluster, "nodeLocations")));
        Assert.Equal(true, EchoMocks.Input(cluster, "removeDefaultNodePool"));
    }

    [Fact]
    public async Task ProdClusterHasPrivateNodesBehindAuthorizedNetworks()
    {
        var cluster = Cluster(await BuildAsync("prod"));

        Assert.Equal(true, EchoMocks.Input(cluster, "privateClusterConfig.enablePrivateNodes"));
        Assert.Equal(false, EchoMocks.Input(cluster, "privateClusterConfig.enablePrivateEndpoint"));
        var blocks = Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(cluster, "masterAuthorizedNetworksConfig.cidrBlocks"));
        var block = Assert.IsAssignableFrom<IDictionary<string, object>>(Assert.Single(blocks));
        Assert.Equal("203.0.113.0/24", block["cidrBlock"]);
    }

    [Fact]
    public async Task ProdClusterUsesWorkloadIdentityAndCalicoNetworkPolicy()
    {
        var cluster = Cluster(await BuildAsync("prod"));

        Assert.Equal("acme-platform-prod.svc.id.goog", EchoMocks.Input(cluster, "workloadIdentityConfig.workloadPool"));
        Assert.Equal(true, EchoMocks.Input(cluster, "networkPolicy.enabled"));
        Assert.Equal("CALICO", EchoMocks.Input(cluster, "networkPolicy.provider"));
        Assert.Equal(false, EchoMocks.Input(cluster, "addonsConfig.networkPolicyConfig.disabled"));
        Assert.Equal("LEGACY_DATAPATH", EchoMocks.Input(cluster, "datapathProvider"));
        Assert.Equal(true, EchoMocks.Input(cluster, "enableShieldedNodes"));
    }

    [Fact]
    public async Task ProdClusterIsDeletionProtectedInGkeAndInState()
    {
        var mocks = await BuildAsync("prod");

        Assert.Equal(true, EchoMocks.Input(Cluster(mocks), "deletionProtection"));
        Assert.Equal("02:00", EchoMocks.Input(Cluster(mocks), "maintenancePolicy.dailyMaintenanceWindow.startTime"));
    }

    [Fact]
    public async Task StagingClusterCanBeDeleted()
    {
        var mocks = await BuildAsync("staging");

        Assert.Equal(false, EchoMocks.Input(Cluster(mocks), "deletionProtection"));
    }

    [Fact]
    public async Task NodesNeverRunAsTheDefaultComputeServiceAccount()
    {
        var mocks = await BuildAsync("prod");
        var account = Assert.Single(mocks.OfType("gcp:serviceaccount/account:Account"));
        var email = "prod-nodes@acme-platform-prod.iam.gserviceaccount.com";

        Assert.Equal("prod-nodes", EchoMocks.Input(account, "accountId"));
        Assert.Equal(email, EchoMocks.Input(Cluster(mocks), "nodeConfig.serviceAccount"));
        Assert.All(mocks.OfType("gcp:container/nodePool:NodePool"), pool =>
        {
            var serviceAccount = EchoMocks.Input(pool, "nodeConfig.serviceAccount") as string;
            Assert.Equal(email, serviceAccount);
            Assert.DoesNotContain("-compute@developer.gserviceaccount.com", serviceAccount, StringComparison.Ordinal);
        });
        var roles = mocks.OfType("gcp:projects/iAMMember:IAMMember").Select(m => EchoMocks.Input(m, "role")).OrderBy(r => r as string, StringComparer.Ordinal);
        Assert.Equal(["roles/artifactregistry.reader", "roles/container.defaultNodeServiceAccount"], roles);
    }

    [Fact]
    public async Task EachPoolsAutoscalingEqualsThePlan()
    {
        var plan = Plan("prod");
        var pools = (await BuildAsync("prod")).OfType("gcp:container/nodePool:NodePool").ToDictionary(p => (string)EchoMocks.Input(p, "name")!);

        Assert.Equal(plan.NodePools.Count, pools.Count);
        foreach (var planned in plan.NodePools)
        {
            var pool = pools[planned.Name];
            Assert.Equal((double)planned.MinPerZone, EchoMocks.Input(pool, "autoscaling.minNodeCount"));
            Assert.Equal((double)planned.MaxPerZone, EchoMocks.Input(pool, "autoscaling.maxNodeCount"));
            Assert.Equal(planned.MachineType, EchoMocks.Input(pool, "nodeConfig.machineType"));
            Assert.Equal(true, EchoMocks.Input(pool, "management.autoRepair"));
            Assert.Equal(true, EchoMocks.Input(pool, "management.autoUpgrade"));
            Assert.Equal((double)planned.MaxSurge, EchoMocks.Input(pool, "upgradeSettings.maxSurge"));
            Assert.Equal((double)planned.MaxUnavailable, EchoMocks.Input(pool, "upgradeSettings.maxUnavailable"));
        }
    }

    [Fact]
    public async Task SpotOnlyWhereThePlanAllowsIt()
    {
        var plan = Plan("prod");
        var pools = (await BuildAsync("prod")).OfType("gcp:container/nodePool:NodePool").ToDictionary(p => (string)EchoMocks.Input(p, "name")!);

        foreach (var planned in plan.NodePools)
        {
            Assert.Equal(planned.Spot, EchoMocks.Input(pools[planned.Name], "nodeConfig.spot"));
        }

        Assert.Equal(false, EchoMocks.Input(pools[plan.NodePools.Single(p => p.Role == Platform.Stacks.Model.NodePoolRole.System).Name], "nodeConfig.spot"));
        Assert.Equal(true, EchoMocks.Input(pools[plan.NodePools.Single(p => p.Role == Platform.Stacks.Model.NodePoolRole.Compute).Name], "nodeConfig.spot"));
    }

    [Fact]
    public async Task SystemPoolIsTaintedForCriticalAddons()
    {
        var system = Plan("prod").NodePools.Single(p => p.Role == Platform.Stacks.Model.NodePoolRole.System).Name;
        var pool = (await BuildAsync("prod")).OfType("gcp:container/nodePool:NodePool").Single(p => (string?)EchoMocks.Input(p, "name") == system);

        var taint = Assert.IsAssignableFrom<IDictionary<string, object>>(Assert.Single(Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(pool, "nodeConfig.taints"))));
        Assert.Equal("CriticalAddonsOnly", taint["key"]);
        Assert.Equal("NO_SCHEDULE", taint["effect"]);
        Assert.Equal("GKE_METADATA", EchoMocks.Input(pool, "nodeConfig.workloadMetadataConfig.mode"));
    }

    [Fact]
    public async Task SubnetCarriesThePlannedPrimaryAndSecondaryRangesAndNatServesPrivateNodes()
    {
        var mocks = await BuildAsync("prod");
        var subnet = Assert.Single(mocks.OfType("gcp:compute/subnetwork:Subnetwork"));
        var ranges = Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(subnet, "secondaryIpRanges"))
            .Cast<IDictionary<string, object>>()
            .ToDictionary(r => (string)r["rangeName"], r => (string)r["ipCidrRange"]);

        Assert.Equal("10.20.144.0/24", EchoMocks.Input(subnet, "ipCidrRange"));
        Assert.Equal(new Dictionary<string, string> { ["prod-pods"] = "10.20.0.0/17", ["prod-services"] = "10.20.128.0/20" }, ranges);
        Assert.Equal(true, EchoMocks.Input(subnet, "privateIpGoogleAccess"));
        var nat = Assert.Single(mocks.OfType("gcp:compute/routerNat:RouterNat"));
        Assert.Equal("ALL_SUBNETWORKS_ALL_IP_RANGES", EchoMocks.Input(nat, "sourceSubnetworkIpRangesToNat"));
        Assert.Equal(false, EchoMocks.Input(Assert.Single(mocks.OfType("gcp:compute/network:Network")), "autoCreateSubnetworks"));
    }

    [Fact]
    public async Task EveryResourceNameStartsWithTheClusterNameAndNoneCollide()
    {
        var registered = (await BuildAsync("prod")).Registered;

        Assert.All(registered, r => Assert.True(r.Name == "prod" || r.Name!.StartsWith("prod-", StringComparison.Ordinal), r.Name));
        Assert.Equal(registered.Count, registered.Select(r => (r.Type, r.Name)).Distinct().Count());
        Assert.Contains(registered, r => r.Type == "pulumi:providers:kubernetes" && r.Name == "prod-provider");
    }
}
