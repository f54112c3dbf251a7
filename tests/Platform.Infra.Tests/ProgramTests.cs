using Platform.Stacks.Tests;
using Platform.Tests.Pulumi;
using Pulumi;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Infra.Tests;

public class ProgramTests
{
    private static string StackConfig(string stack, string? folder = null) =>
        EngineConfigJson.FromStackFile(File.ReadAllText(Path.Combine(folder ?? Repo.Root, $"Pulumi.{stack}.yaml")));

    private static async Task<(EchoMocks Mocks, IDictionary<string, object?> Outputs)> RunAsync(string stack, string engineConfigJson)
    {
        Environment.SetEnvironmentVariable(EngineConfig.Variable, engineConfigJson);
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
        Assert.Equal(["prod-system", "prod-general", "prod-compute", "prod-stateful"], pools.ToArray());
        Assert.Equal("acme-platform-prod.svc.id.goog", await Assert.IsAssignableFrom<Output<string>>(outputs["workloadIdentityPool"]).ValueAsync());
    }

    [Theory]
    [InlineData("staging", null)]
    [InlineData("prod", null)]
    [InlineData("local", "examples")]
    [InlineData("aws-prod", "examples")]
    public async Task ProgramExportsExactlyTheOutputsThePlanNames(string stack, string? folder)
    {
        var path = folder is null ? null : Path.Combine(Repo.Root, folder);
        var (_, outputs) = await RunAsync(stack, StackConfig(stack, path));
        var plan = Stacks.Planner.PlanStackFile(path ?? Repo.Root, stack).Plan!;

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

        var provider = Assert.Single(mocks.CustomResources);
        Assert.Equal("pulumi:providers:kubernetes", provider.Type);
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
}
