using System.Net;
using Platform.Stacks.Planning;

namespace Platform.Stacks.Tests;

public class NetworkPlanningTests
{
    private static IReadOnlyList<IPNetwork> Ranges(PlatformPlan plan) =>
        plan.Network!.Subnets.Select(s => IPNetwork.Parse(s.Cidr)).ToList();

    private static void AssertDisjoint(IReadOnlyList<IPNetwork> ranges)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                Assert.False(CidrAllocator.Overlap(ranges[i], ranges[j]), $"{ranges[i]} overlaps {ranges[j]}");
            }
        }
    }

    [Fact]
    public void GkeSlash16IsCarvedIntoDisjointNodePodAndServiceRangesInsideTheVpc()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "prod").Plan!;
        var ranges = Ranges(plan);
        var vpc = IPNetwork.Parse("10.20.0.0/16");

        AssertDisjoint(ranges);
        Assert.All(ranges, r => Assert.True(vpc.Contains(r.BaseAddress)));
        var bySize = plan.Network!.Subnets.ToDictionary(s => s.Purpose, s => IPNetwork.Parse(s.Cidr).PrefixLength);
        Assert.Equal(17, bySize["pods"]);
        Assert.Equal(20, bySize["services"]);
        Assert.Equal(24, bySize["nodes"]);
    }

    [Fact]
    public void GkePodRangeHoldsEveryNodeAtMaxSizeWithTwiceItsPodsInAddresses()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "prod").Plan!;
        var pods = IPNetwork.Parse(plan.Network!.Subnets.Single(s => s.Purpose == "pods").Cidr);
        var maxNodes = plan.NodePools.Sum(p => p.MaxTotal);

        Assert.Equal(66, maxNodes);
        Assert.True(CidrAllocator.Size(pods) >= (ulong)maxNodes * 256);
    }

    [Fact]
    public void EksSlash16SplitsIntoThreePrivateSlash18AndThreePublicSlash20Subnets()
    {
        var plan = Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;
        var subnets = plan.Network!.Subnets;

        Assert.Equal(
            ["10.40.0.0/18", "10.40.64.0/18", "10.40.128.0/18"],
            subnets.Where(s => s.Purpose == "private").Select(s => s.Cidr));
        Assert.Equal(
            ["10.40.192.0/20", "10.40.208.0/20", "10.40.224.0/20"],
            subnets.Where(s => s.Purpose == "public").Select(s => s.Cidr));
        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], subnets.Where(s => s.Purpose == "private").Select(s => s.Zone));
        AssertDisjoint(Ranges(plan));
        Assert.Equal("172.20.0.0/16", plan.Network.ServicesCidr);
    }

    [Fact]
    public void EksServiceRangeMovesWhenTheVpcUsesTheDefaultOne()
    {
        var plan = Stacks.Valid(Stacks.Config(
            "platform:cloud: aws",
            Stacks.AwsCluster,
            "platform:network: { cidr: 172.20.0.0/16 }"));

        Assert.Equal("10.100.0.0/16", plan.Network!.ServicesCidr);
    }

    [Fact]
    public void EksOutsideProdSharesOneNatGateway()
    {
        var plan = Stacks.Valid(Stacks.Config(
            "platform:cloud: aws",
            Stacks.AwsCluster));

        Assert.Equal(1, plan.Network!.NatGateways);
    }

    [Fact]
    public void ExplicitRangesAreKeptAndTheRestIsCarvedAroundThem()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging("platform:network:\n  cidr: 10.10.0.0/16\n  servicesCidr: 10.10.0.0/20"));
        var subnets = plan.Network!.Subnets.ToDictionary(s => s.Purpose);

        Assert.Equal("10.10.0.0/20", subnets["services"].Cidr);
        Assert.Equal("config", subnets["services"].Source);
        Assert.Equal("planned", subnets["pods"].Source);
        AssertDisjoint(Ranges(plan));
    }

    [Fact]
    public void FewerPodsPerNodeShrinkThePodRange()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging("platform:network: { maxPodsPerNode: 32 }"));
        var pods = IPNetwork.Parse(plan.Network!.Subnets.Single(s => s.Purpose == "pods").Cidr);

        // 33 nodes at most × 64 addresses (the power of two at or above 2 × 32) = 2112, so a /20.
        Assert.Equal(20, pods.PrefixLength);
    }

    [Theory]
    [InlineData(110, 256)]
    [InlineData(64, 128)]
    [InlineData(32, 64)]
    [InlineData(8, 16)]
    public void PodBlockPerNodeIsThePowerOfTwoAtOrAboveTwicePodsPerNode(int maxPods, ulong expected) =>
        Assert.Equal(expected, NetworkPlanner.PodBlockPerNode(maxPods));

    [Fact]
    public void AllocatorSkipsReservedRangesAndStaysAligned()
    {
        var allocator = new CidrAllocator(IPNetwork.Parse("10.0.0.0/16"));
        allocator.Reserve(IPNetwork.Parse("10.0.0.0/24"));

        Assert.Equal(IPNetwork.Parse("10.0.128.0/17"), allocator.Allocate(17));
        Assert.Equal(IPNetwork.Parse("10.0.16.0/20"), allocator.Allocate(20));
        Assert.Equal(IPNetwork.Parse("10.0.1.0/24"), allocator.Allocate(24));
    }

    [Fact]
    public void AllocatorReturnsNullWhenTheParentIsFull()
    {
        var allocator = new CidrAllocator(IPNetwork.Parse("10.0.0.0/24"));

        Assert.NotNull(allocator.Allocate(25));
        Assert.NotNull(allocator.Allocate(25));
        Assert.Null(allocator.Allocate(26));
        Assert.Null(allocator.Allocate(16));
    }
}
