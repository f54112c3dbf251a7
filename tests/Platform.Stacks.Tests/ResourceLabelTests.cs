using Platform.Stacks.Planning;

namespace Platform.Stacks.Tests;

/// <summary>The labels and tags that say whose a cloud resource is and when it may go.</summary>
public class ResourceLabelTests
{
    [Fact]
    public void ADevStackIsLabelledWithItsOwnerAndExpiry()
    {
        var plan = Stacks.Valid(
            Stacks.GcpStaging("platform:expiresAt: 2099-12-31T18:30:00Z", "platform:owner: Alice.Smith@Example.com"),
            "dev-alice");

        Assert.Equal(
            new Dictionary<string, string>
            {
                [ResourceLabels.Environment] = "dev",
                [ResourceLabels.ExpiresAt] = "2099-12-31-1830",
                [ResourceLabels.Owner] = "alice-smith-example-com",
                [ResourceLabels.Stack] = "dev-alice",
            },
            plan.Labels);
    }

    [Fact]
    public void ProdCarriesNoExpiryOrOwnerUnlessGiven()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "prod").Plan!;

        Assert.Equal([ResourceLabels.Environment, ResourceLabels.Stack], plan.Labels.Keys);
    }

    [Theory]
    [InlineData("Team Platform", "team-platform")]
    [InlineData("ok_value-1", "ok_value-1")]
    public void LabelValuesFollowGcpsRules(string text, string expected) => Assert.Equal(expected, ResourceLabels.Value(text));

    [Fact]
    public void LabelValuesAreCutAtSixtyThreeCharacters() => Assert.Equal(63, ResourceLabels.Value(new string('a', 80)).Length);

    [Fact]
    public void AnOwnerLongerThanALabelIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging($"platform:owner: {new string('a', 64)}"),
        $"platform:owner: '{new string('a', 57)}...' must be 1 to 63 characters; it becomes a label on every cloud resource");
}
