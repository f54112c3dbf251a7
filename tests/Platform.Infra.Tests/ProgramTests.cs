using Platform.Stacks.Tests;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Infra.Tests;

public class ProgramTests
{
    private static string StackConfig(string stack) =>
        EngineConfigJson.FromStackFile(File.ReadAllText(Path.Combine(Repo.Root, $"Pulumi.{stack}.yaml")));

    [Fact]
    public async Task ProdStackExportsItsEnvironmentCloudAndPinnedReleases()
    {
        var (_, outputs) = await Mocks.RunAsync("prod", StackConfig("prod"));

        Assert.Equal("prod", outputs["environment"]);
        Assert.Equal("gcp", outputs["cloud"]);
        Assert.Equal("prod", outputs["clusterName"]);
        var releases = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(outputs["helmReleases"]);
        Assert.Equal("cert-manager@v1.21.1", releases["cert-manager"]);
        Assert.DoesNotContain("tigera-operator", releases.Keys);
    }

    [Fact]
    public async Task ProgramExportsExactlyTheOutputsThePlanNames()
    {
        var (_, outputs) = await Mocks.RunAsync("staging", StackConfig("staging"));

        Assert.Equal(Stacks.Planner.Outputs(Stacks.Model.CloudKind.Gcp).Order(StringComparer.Ordinal), outputs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BadConfigStopsTheUpdateWithEveryErrorInOneMessage()
    {
        var config = """{"platform:cloud":"gpc","platform:nodepools":"{}"}""";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Mocks.RunAsync("staging", config));

        var message = error.ToString();
        Assert.Contains("platform:cloud: 'gpc' is not allowed; did you mean 'gcp'?", message, StringComparison.Ordinal);
        Assert.Contains("platform:nodepools: is not a known key; did you mean 'platform:nodePools'?", message, StringComparison.Ordinal);
    }
}
