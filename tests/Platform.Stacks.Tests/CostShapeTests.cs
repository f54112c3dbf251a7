using Platform.Stacks.Cost;
using Platform.Stacks.Model;
using Platform.Stacks.Planning;
using Platform.Stacks.Rendering;

namespace Platform.Stacks.Tests;

/// <summary>The hourly cost shape: node count × machine price at the pools' smallest and largest sizes.</summary>
public class CostShapeTests
{
    public static TheoryData<CloudKind, string> CatalogTypes()
    {
        var data = new TheoryData<CloudKind, string>();
        foreach (var cloud in new[] { CloudKind.Gcp, CloudKind.Aws })
        {
            foreach (var name in MachineCatalog.Types(cloud).Keys)
            {
                data.Add(cloud, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogTypes))]
    public void EveryMachineTheCapacityCheckKnowsHasAPrice(CloudKind cloud, string machineType)
    {
        var price = PriceCatalog.Node(cloud, MachineCatalog.Find(cloud, machineType)!);

        Assert.NotNull(price);
        Assert.InRange(price.Value, 0.01m, 10m);
    }

    [Fact]
    public void GcpPricesAMachineByItsCpusAndMemory()
    {
        // e2: 0.021811 per vCPU-hour and 0.002923 per GiB-hour; e2-standard-4 has 4 vCPUs and 16 GiB.
        var price = PriceCatalog.Node(CloudKind.Gcp, MachineCatalog.Find(CloudKind.Gcp, "e2-standard-4")!);

        Assert.Equal(0.134012m, price);
    }

    [Fact]
    public void AwsPricesLargerSizesAsMultiplesOfTheLargeSize() => Assert.Equal(
        PriceCatalog.Node(CloudKind.Aws, MachineCatalog.Find(CloudKind.Aws, "m6i.large")!) * 4,
        PriceCatalog.Node(CloudKind.Aws, MachineCatalog.Find(CloudKind.Aws, "m6i.2xlarge")!));

    [Fact]
    public void StagingRangesFromItsMinimumToItsMaximumPools()
    {
        var cost = Planner.PlanStackFile(Repo.Root, "staging").Plan!.Cost!;

        // Minimum: system, general and stateful at one node in each of three zones, compute at none.
        // 3 × 0.134 + 3 × 0.134 + 3 × 0.262 (n2-highmem-4), the control plane's 0.10 and Cloud NAT for 9 VMs at 0.0014.
        Assert.Equal(1.703m, cost.MinPerHour);
        Assert.Equal([3, 3, 0, 3], cost.Pools.Select(p => p.MinNodes));
        Assert.Equal([6, 12, 9, 6], cost.Pools.Select(p => p.MaxNodes));
        Assert.Equal(cost.ControlPlanePerHour + cost.NatPerHour + cost.Pools.Sum(p => p.MaxPerHour), cost.MaxPerHour);
        Assert.True(cost.MaxPerHour > cost.MinPerHour);
    }

    [Fact]
    public void CloudNatIsCappedPerGateway()
    {
        var cost = Planner.PlanStackFile(Repo.Root, "staging").Plan!.Cost!;

        // 33 VMs at the largest size would be 0.0462; one gateway is capped at 0.044.
        Assert.Equal(PriceCatalog.GcpNatCap, cost.NatPerHour);
    }

    [Fact]
    public void AwsCountsEveryNatGateway()
    {
        var plan = Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

        Assert.Equal(plan.Network!.NatGateways * PriceCatalog.AwsNatGateway, plan.Cost!.NatPerHour);
        Assert.Equal(0.384m, plan.Cost.Pools.Single(p => p.MachineType == "m6i.2xlarge").NodePerHour);
    }

    [Fact]
    public void SpotPoolsAreMarkedAsPricedOnDemand()
    {
        var cost = Planner.PlanStackFile(Repo.Root, "staging").Plan!.Cost!;

        Assert.Equal(["staging-compute"], cost.Pools.Where(p => p.Spot).Select(p => p.Pool));
    }

    [Fact]
    public void TheFiguresAreLabelledAsEstimatesWithTheirDate()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "staging").Plan!;
        var json = System.Text.Json.Nodes.JsonNode.Parse(PlanJson.Write(plan))!["cost"]!;

        Assert.True(json["estimate"]!.GetValue<bool>());
        Assert.Equal(PriceCatalog.AsOf, json["pricesAsOf"]!.GetValue<string>());
        Assert.Contains("## Cost (estimate)", SummaryMarkdown.Write(plan), StringComparison.Ordinal);
    }

    [Fact]
    public void AnExistingClusterHasNoCostShape()
    {
        var plan = Planner.PlanStackFile(Repo.Examples, "local").Plan!;

        Assert.Null(plan.Cost);
        Assert.Null(System.Text.Json.Nodes.JsonNode.Parse(PlanJson.Write(plan))!["cost"]);
        Assert.Contains("Not estimated", SummaryMarkdown.Write(plan), StringComparison.Ordinal);
    }
}
