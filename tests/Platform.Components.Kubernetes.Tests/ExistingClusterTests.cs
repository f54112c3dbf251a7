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
            _ = new ExistingCluster("local", new ExistingClusterArgs { Plan = new ExistingClusterPlan("kind-platform", null) });
            return new Dictionary<string, object?>();
        }, "dev-local");

        var provider = Assert.Single(mocks.CustomResources);
        Assert.Equal("pulumi:providers:kubernetes", provider.Type);
        Assert.Equal("local-provider", provider.Name);
        Assert.Equal("kind-platform", EchoMocks.Input(provider, "context"));
        Assert.Null(EchoMocks.Input(provider, "kubeconfig"));
    }

    [Fact]
    public async Task ExplicitKubeconfigPathIsHandedToTheProvider()
    {
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            _ = new ExistingCluster("lab", new ExistingClusterArgs { Plan = new ExistingClusterPlan("lab-admin", "/etc/platform/kubeconfig") });
            return new Dictionary<string, object?>();
        }, "staging");

        Assert.Equal("/etc/platform/kubeconfig", EchoMocks.Input(Assert.Single(mocks.CustomResources), "kubeconfig"));
    }
}
