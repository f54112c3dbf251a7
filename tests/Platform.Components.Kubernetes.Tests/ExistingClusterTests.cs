using Platform.Stacks.Clusters;
using Platform.Tests.Pulumi;

namespace Platform.Components.Kubernetes.Tests;

public class ExistingClusterTests
{
    [Fact]
    public async Task ExistingClusterCreatesOnlyAProviderForItsContext()
    {
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            _ = new ExistingCluster("local", ExistingClusterArgs.FromPlan(new ClusterPlan("local", Platform.Stacks.Model.CloudKind.Existing, false, true, null, null, new ExistingClusterPlan("kind-platform", null))));
            return new Dictionary<string, object?>();
        }, "dev-local");

        var provider = Assert.Single(mocks.CustomResources);
        Assert.Equal("pulumi:providers:kubernetes", provider.Type);
        Assert.Equal("local-provider", provider.Name);
        Assert.Equal("kind-platform", EchoMocks.Input(provider, "context"));
        Assert.Null(EchoMocks.Input(provider, "kubeconfig"));
        // Provider inputs reach the engine as strings.
        Assert.Equal("true", EchoMocks.Input(provider, "deleteUnreachable"));
    }

    [Fact]
    public async Task ExplicitKubeconfigPathIsHandedToTheProvider()
    {
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            _ = new ExistingCluster("lab", ExistingClusterArgs.FromPlan(new ClusterPlan("lab", Platform.Stacks.Model.CloudKind.Existing, false, false, null, null, new ExistingClusterPlan("lab-admin", "/etc/platform/kubeconfig"))));
            return new Dictionary<string, object?>();
        }, "staging");

        Assert.Equal("/etc/platform/kubeconfig", EchoMocks.Input(Assert.Single(mocks.CustomResources), "kubeconfig"));
        Assert.Equal("false", EchoMocks.Input(Assert.Single(mocks.CustomResources), "deleteUnreachable"));
    }
}
