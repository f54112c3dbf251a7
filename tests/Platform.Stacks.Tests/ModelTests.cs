using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;
using Platform.Stacks.Planning;

namespace Platform.Stacks.Tests;

public class ModelTests
{
    [Theory]
    [InlineData("500m", 0.5)]
    [InlineData("4", 4)]
    [InlineData("1.5", 1.5)]
    [InlineData("1Ki", 1024)]
    [InlineData("2Gi", 2147483648)]
    [InlineData("1G", 1000000000)]
    public void QuantitiesParseToBaseUnits(string text, decimal expected)
    {
        Assert.True(Quantity.TryParse(text, out var quantity));
        Assert.Equal(expected, quantity.Value);
        Assert.Equal(text, quantity.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("80 GB")]
    [InlineData("1e3")]
    [InlineData("12Xi")]
    [InlineData("99999999999999999999999999")]
    public void MalformedQuantitiesAreRefused(string text) => Assert.False(Quantity.TryParse(text, out _));

    [Theory]
    [InlineData(1200, 150, 1.5, 12)]
    [InlineData(1000, 300, 1, 4)]
    [InlineData(1, 1000, 2, 1)]
    [InlineData(400, 50, 2, 16)]
    public void ReplicasArePeakOverPerPodTimesRedundancyRoundedUp(decimal peak, decimal perPod, decimal redundancy, int expected)
    {
        var service = new ServiceSpec("api", peak, perPod, redundancy, Quantity.Cores(1), Quantity.GiB(1));

        Assert.Equal(expected, service.Replicas);
        Assert.Equal(expected, service.Demand.Cpu);
    }

    [Fact]
    public void AllocatableFollowsTheReservationTiers()
    {
        var type = MachineCatalog.Find(CloudKind.Gcp, "e2-standard-4")!;

        var allocatable = MachineCatalog.Allocatable(type, 110);

        Assert.Equal(3.92m, allocatable.Cpu);
        Assert.Equal(13.302m, Math.Round(allocatable.MemoryGiB, 3));
        Assert.Equal(110, allocatable.Pods);
    }

    [Theory]
    [InlineData("maxNode", "maxNodes")]
    [InlineData("genral", "general")]
    [InlineData("zone", "zones")]
    [InlineData("completely-different", null)]
    public void SuggestionsCatchTyposButNotStrangers(string input, string? expected) =>
        Assert.Equal(expected, Suggest.Closest(input, ["maxNodes", "minNodes", "general", "zones", "region"]));
}
