using Platform.Tests.Pulumi;
using Pulumi;
using Pulumi.Gcp.Container.Inputs;

namespace Platform.Components.Gcp.Tests;

/// <summary>The components work from another program, with caller-made args and another resource's outputs.</summary>
public class ReusableComponentTests
{
    [Fact]
    public async Task ANodePoolCanJoinAClusterManagedElsewhere()
    {
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            // The README's example, with the cluster id coming from another resource's output.
            var clusterId = Output.Create("projects/acme-data/locations/europe-west1/clusters/data");
            _ = new GkeNodePool("batch", new GkeNodePoolArgs
            {
                Name = "batch-pool-1",
                Project = "acme-data",
                Location = "europe-west1",
                ClusterId = clusterId,
                ServiceAccountEmail = "nodes@acme-data.iam.gserviceaccount.com",
                NodeLocations = new[] { "europe-west1-b", "europe-west1-c" },
                InitialNodeCount = 0, MinNodesPerZone = 0, MaxNodesPerZone = 5, LocationPolicy = "ANY",
                MaxPodsPerNode = 64, AutoRepair = true, AutoUpgrade = true,
                UpgradeStrategy = "SURGE", MaxSurge = 1, MaxUnavailable = 0,
                MachineType = "c3-standard-8", DiskSizeGb = 100, DiskType = "pd-balanced", Spot = true,
                Labels = new Dictionary<string, string> { ["workload"] = "batch" },
                Taints = new[] { new NodePoolNodeConfigTaintArgs { Key = "workload", Value = "batch", Effect = "NO_SCHEDULE" } },
                OauthScopes = new[] { "https://www.googleapis.com/auth/cloud-platform" },
                MetadataMode = "GKE_METADATA", SecureBoot = true, IntegrityMonitoring = true,
            });
            return new Dictionary<string, object?>();
        }, "data");

        var pool = Assert.Single(mocks.OfType("gcp:container/nodePool:NodePool"));
        Assert.Equal("projects/acme-data/locations/europe-west1/clusters/data", EchoMocks.Input(pool, "cluster"));
        Assert.Equal("batch-pool-1", EchoMocks.Input(pool, "name"));
        Assert.Equal("ANY", EchoMocks.Input(pool, "autoscaling.locationPolicy"));
        Assert.Equal(true, EchoMocks.Input(pool, "nodeConfig.spot"));
    }

    [Fact]
    public async Task ProtectionGivenToAComponentReachesItsChildren()
    {
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            var plan = Platform.Stacks.Planner.PlanStackFile(Platform.Stacks.Tests.Repo.Root, "staging").Plan!;
            _ = new GkeNetwork("shared", GkeNetworkArgs.FromPlan(plan.Cluster.Gke!), new ComponentResourceOptions { Protect = true });
            return new Dictionary<string, object?>();
        }, "staging");

        Assert.All(mocks.Options, o => Assert.True(o.Protect, $"{o.Type} {o.Name}"));
        Assert.Equal(5, mocks.Options.Count);
    }
}
