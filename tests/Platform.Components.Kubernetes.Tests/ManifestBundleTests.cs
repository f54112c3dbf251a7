using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Stacks;
using Platform.Stacks.Clusters;
using Platform.Stacks.Model;
using Platform.Stacks.Tests;
using Platform.Tests.Pulumi;
using Pulumi;

namespace Platform.Components.Kubernetes.Tests;

public class ManifestBundleTests
{
    private static ClusterPlan Local => new("local", CloudKind.Existing, false, true, null, null, new ExistingClusterPlan("kind-platform", null));

    [Fact]
    public async Task TheBundleHandsTheRenderedObjectsToAConfigGroupThroughTheGivenProvider()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "prod").Plan!;
        var tenants = plan.Manifests.Single(m => m.Name == "tenants");
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            var cluster = new ExistingCluster("local", ExistingClusterArgs.FromPlan(Local));
            _ = new ManifestBundle("local-tenants", ManifestBundleArgs.FromPlan(tenants), new ComponentResourceOptions { Provider = cluster.Provider });
            return new Dictionary<string, object?>();
        }, "dev-local");

        var group = Assert.Single(mocks.OfType("kubernetes:yaml/v2:ConfigGroup"));
        var handed = JsonNode.Parse(JsonSerializer.Serialize(EchoMocks.Input(group, "objs")));
        Assert.True(JsonNode.DeepEquals(new JsonArray([.. tenants.Objects.Select(o => (JsonNode?)o.DeepClone())]), handed), handed?.ToJsonString());
        Assert.Equal("local-provider", mocks.OptionsOf("platform:kubernetes:ManifestBundle", "local-tenants").Provider);
        Assert.Equal("local-tenants", mocks.OptionsOf("kubernetes:yaml/v2:ConfigGroup", "local-tenants-objects").Parent);
    }

    [Fact]
    public void PlainValuesKeepNumbersBooleansStringsAndNesting()
    {
        var plain = HelmAddonArgs.Plain(JsonNode.Parse("""{"a":1,"b":true,"c":"x","d":[1.5,{"e":null}],"f":{}}"""));

        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(plain);
        Assert.Equal(1, map["a"]);
        Assert.Equal(true, map["b"]);
        Assert.Equal("x", map["c"]);
        var list = Assert.IsAssignableFrom<IEnumerable<object>>(map["d"]).ToList();
        Assert.Equal(1.5, list[0]);
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(map["f"]));
    }

    [Fact]
    public void ALongBecomesADoubleWhichPulumiCanSerialise()
    {
        // 24 hours in milliseconds, built as a long the way the plan builds it; Pulumi refuses System.Int64.
        var plain = HelmAddonArgs.Plain(new JsonObject { ["retention.ms"] = 24L * 60 * 60 * 1000 });

        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(plain);
        Assert.Equal(86_400_000d, Assert.IsType<double>(map["retention.ms"]));
    }
}
