using Platform.Stacks.Model;

namespace Platform.Stacks.Tests;

public class CommittedStackTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void CommittedStackFilesBindValidateAndPlan(string stack)
    {
        var result = Planner.PlanStackFile(Repo.Root, stack);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(stack, result.Plan!.Spec.Stack);
    }

    [Theory]
    [InlineData("aws-prod")]
    [InlineData("local")]
    public void ExampleStackFilesFromTheReadmeBindValidateAndPlan(string stack)
    {
        var result = Planner.PlanStackFile(Repo.Examples, stack);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
    }

    [Fact]
    public void ProdStackSpreadsEveryNodePoolAcrossThreeZones()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "prod").Plan!;

        Assert.Equal(EnvironmentProfile.Prod, plan.Spec.Environment);
        Assert.Equal(4, plan.NodePools.Count);
        Assert.All(plan.NodePools, pool => Assert.Equal(3, pool.Zones.Count));
        Assert.All(plan.NodePools, pool => Assert.Equal(pool.MaxPerZone * 3, pool.MaxTotal));
    }

    [Fact]
    public void ProdStackIsDeletionProtectedWithHighlyAvailableAddonsAndOnDemandSystemPool()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "prod").Plan!;

        Assert.True(plan.Spec.Cluster.DeletionProtection);
        Assert.All(plan.Addons.Where(a => a.Mode != "disabled"), a => Assert.True(a.HighAvailability));
        Assert.False(plan.NodePools.Single(p => p.Role == NodePoolRole.System).Spot);
        Assert.Equal("profile:prod", plan.Spec.Sources["platform:cluster.deletionProtection"]);
    }

    [Fact]
    public void StagingStackIsRegionalGkeWithThreeZones()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "staging").Plan!;

        Assert.Equal(CloudKind.Gcp, plan.Spec.Cloud);
        Assert.Equal("europe-west1", plan.Spec.Cluster.Region);
        Assert.Equal(3, plan.Spec.Cluster.Zones.Count);
        Assert.False(plan.Spec.Cluster.DeletionProtection);
    }

    [Fact]
    public void LocalExampleCreatesNoCloudNetworkOrPools()
    {
        var plan = Planner.PlanStackFile(Repo.Examples, "local").Plan!;

        Assert.Equal(CloudKind.Existing, plan.Spec.Cloud);
        Assert.Null(plan.Network);
        Assert.Empty(plan.NodePools);
        Assert.Equal("kind-platform", plan.Spec.Cluster.Context);
        Assert.False(plan.Capacity.Checked);
    }

    [Fact]
    public void AwsExampleHasANatGatewayPerZoneInProd()
    {
        var plan = Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

        Assert.Equal(3, plan.Network!.NatGateways);
        Assert.Equal(3, plan.Network.Subnets.Count(s => s.Purpose == "private"));
        Assert.Equal(3, plan.Network.Subnets.Count(s => s.Purpose == "public"));
    }
}
