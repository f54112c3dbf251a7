using System.Text.Json.Nodes;
using Moq;
using Platform.Delivery;
using Platform.Stacks.Config;

namespace Platform.Stacks.Tests;

/// <summary><c>platform dev</c> and <c>platform janitor</c> against a fake workspace.</summary>
public sealed class DevStacksTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private readonly Mock<IStackWorkspace> _workspace = new(MockBehavior.Strict);
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        _out.Dispose();
        _err.Dispose();
    }

    private DevStacks Stacks(string? projectDir = null) => new(_workspace.Object, projectDir ?? Repo.Root, _out, _err, new FixedClock(Now));

    private void HasStacks(params (string Name, string? ExpiresAt)[] stacks)
    {
        _workspace.Setup(w => w.ListStacksAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. stacks.Select(s => new StackEntry(s.Name, Now.AddHours(-3))), new StackEntry("staging", Now.AddDays(-1))]);
        foreach (var (name, expiresAt) in stacks)
        {
            var template = StackFileReader.Parse(File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.staging.yaml")), name, new());
            var config = DevStackConfig.Build(template, name, "alice", Now);
            config.Remove("platform:expiresAt");
            if (expiresAt is not null)
            {
                config["platform:expiresAt"] = expiresAt;
            }

            _workspace.Setup(w => w.GetConfigAsync(name, It.IsAny<CancellationToken>())).ReturnsAsync(config);
            _workspace.Setup(w => w.GetOutputsAsync(name, It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());
            _workspace.Setup(w => w.GetTagsAsync(name, It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());
        }
    }

    [Fact]
    public async Task UpSetsTheDevConfigThenUpdatesAndSaysHowToReachTheCluster()
    {
        IReadOnlyDictionary<string, string>? config = null;
        var order = new List<string>();
        _workspace.Setup(w => w.SetConfigAsync("dev-alice", It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyDictionary<string, string>, CancellationToken>((_, c, _) => { config = c; order.Add("config"); })
            .Returns(Task.CompletedTask);
        IReadOnlyDictionary<string, string>? tags = null;
        _workspace.Setup(w => w.SetTagsAsync("dev-alice", It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyDictionary<string, string>, CancellationToken>((_, t, _) => { tags = t; order.Add("tags"); })
            .Returns(Task.CompletedTask);
        _workspace.Setup(w => w.UpAsync("dev-alice", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("up"))
            .ReturnsAsync(new Dictionary<string, string> { ["clusterName"] = "dev-alice", ["clusterLocation"] = "europe-west1", ["kubeconfig"] = "apiVersion: v1" });

        var code = await Stacks().UpAsync("dev-alice", "Pulumi.staging.yaml", "alice", TimeSpan.FromHours(8), CancellationToken.None);

        Assert.True(code == DevStacks.Ok, _err.ToString());
        Assert.Equal(["config", "tags", "up"], order);
        Assert.Equal("2026-11-22-1700", tags![DevStackConfig.ExpiresTag]);
        Assert.Equal("alice", tags[DevStackConfig.OwnerTag]);
        Assert.Equal("dev", config!["platform:environment"]);
        Assert.Equal("alice", config["platform:owner"]);
        Assert.Equal("2026-11-22T17:00:00Z", config["platform:expiresAt"]);
        Assert.False(config.ContainsKey("platform:nodePools"));
        Assert.Null(JsonNode.Parse(config["platform:cluster"])!["name"]);
        Assert.Equal("dev-alice.staging.example.com", JsonNode.Parse(config["platform:dns"])!["domain"]!.GetValue<string>());
        Assert.Contains("reach it with: gcloud container clusters get-credentials dev-alice --region europe-west1 --project acme-platform-staging", _out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("apiVersion", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConfigUpSetsPlansAsADevStack()
    {
        IReadOnlyDictionary<string, string>? config = null;
        _workspace.Setup(w => w.SetConfigAsync("dev-bob", It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyDictionary<string, string>, CancellationToken>((_, c, _) => config = c)
            .Returns(Task.CompletedTask);
        _workspace.Setup(w => w.SetTagsAsync("dev-bob", It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new NotSupportedException("stack tags are not supported by this backend"));
        _workspace.Setup(w => w.UpAsync("dev-bob", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());

        var code = await Stacks().UpAsync("dev-bob", Path.Combine("examples", "Pulumi.aws-prod.yaml"), "bob", TimeSpan.FromHours(2), CancellationToken.None);
        Assert.True(code == DevStacks.Ok, _err.ToString());
        Assert.Contains("warning: this backend keeps no stack tags", _err.ToString(), StringComparison.Ordinal);
        var plan = Planner.Plan(EngineConfigReader.Parse("dev-bob", EngineConfigWriter.Json(config!)), clock: new FixedClock(Now)).Plan!;

        Assert.Equal(Model.EnvironmentProfile.Dev, plan.Spec.Environment);
        Assert.Equal("dev-bob", plan.Cluster.Name);
        Assert.False(plan.Cluster.Protect);
        Assert.Equal("bob", plan.Labels[Planning.ResourceLabels.Owner]);
    }

    [Fact]
    public async Task UpRefusesConfigThatDoesNotPlanAndChangesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("dev-up-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Pulumi.broken.yaml"), "config:\n  platform:cloud: gcp\n");

            var code = await Stacks(folder).UpAsync("dev-carol", "Pulumi.broken.yaml", "carol", TimeSpan.FromHours(8), CancellationToken.None);

            Assert.Equal(DevStacks.InvalidConfig, code);
            Assert.Contains("stack 'dev-carol' from Pulumi.broken.yaml does not plan; nothing was changed:", _err.ToString(), StringComparison.Ordinal);
            Assert.Contains("platform:cluster", _err.ToString(), StringComparison.Ordinal);
            _workspace.VerifyNoOtherCalls();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task UpNamesAMissingTemplate()
    {
        var code = await Stacks().UpAsync("dev-dan", "Pulumi.nope.yaml", "dan", TimeSpan.FromHours(8), CancellationToken.None);

        Assert.Equal(DevStacks.Failed, code);
        Assert.Contains("template stack file 'Pulumi.nope.yaml' not found", _err.ToString(), StringComparison.Ordinal);
        _workspace.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DownDestroysThenRemovesTheStack()
    {
        HasStacks(("dev-alice", "2026-11-23"));
        var order = new List<string>();
        _workspace.Setup(w => w.DestroyAsync("dev-alice", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).Callback(() => order.Add("destroy")).Returns(Task.CompletedTask);
        _workspace.Setup(w => w.RemoveStackAsync("dev-alice", It.IsAny<CancellationToken>())).Callback(() => order.Add("remove")).Returns(Task.CompletedTask);

        var code = await Stacks().DownAsync("dev-alice", CancellationToken.None);

        Assert.Equal(DevStacks.Ok, code);
        Assert.Equal(["destroy", "remove"], order);
    }

    [Fact]
    public async Task DownOfAnUnknownStackDestroysNothing()
    {
        HasStacks(("dev-alice", "2026-11-23"));

        var code = await Stacks().DownAsync("dev-zed", CancellationToken.None);

        Assert.Equal(DevStacks.Failed, code);
        Assert.Contains("no stack 'dev-zed'", _err.ToString(), StringComparison.Ordinal);
        _workspace.Verify(w => w.DestroyAsync(It.IsAny<string>(), It.IsAny<Action<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ListShowsShortLivedStacksWithOwnerExpiryAndCost()
    {
        HasStacks(("dev-alice", "2026-11-22T17:00:00Z"), ("pr-42", "2026-11-21"));

        await Stacks().ListAsync(CancellationToken.None);
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("STACK", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^dev-alice\s+alice\s+3h ago\s+in 8h\s+\d+\.\d+–\d+\.\d+ USD/h$", lines[1]);
        Assert.Matches(@"^pr-42\s+alice\s+3h ago\s+expired 33h ago\s+\d", lines[2]);
        Assert.DoesNotContain(lines, l => l.StartsWith("staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheJanitorRemovesOnlyExpiredStacks()
    {
        HasStacks(("dev-alice", "2026-11-22T17:00:00Z"), ("dev-old", "2026-11-20"), ("pr-7", "2026-11-22T08:59:00Z"));
        var removed = new List<string>();
        _workspace.Setup(w => w.DestroyAsync(It.IsAny<string>(), It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _workspace.Setup(w => w.RemoveStackAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<string, CancellationToken>((s, _) => removed.Add(s))
            .Returns(Task.CompletedTask);

        var code = await Stacks().JanitorAsync(dryRun: false, CancellationToken.None);

        Assert.Equal(DevStacks.Ok, code);
        Assert.Equal(["dev-old", "pr-7"], removed);
        Assert.Contains("removed 2 expired stacks", _out.ToString(), StringComparison.Ordinal);
        _workspace.Verify(w => w.DestroyAsync("dev-alice", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>()), Times.Never);
        _workspace.Verify(w => w.DestroyAsync("staging", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ADryRunChangesNothing()
    {
        HasStacks(("dev-old", "2026-11-20"));

        var code = await Stacks().JanitorAsync(dryRun: true, CancellationToken.None);

        Assert.Equal(DevStacks.Ok, code);
        Assert.Contains("would remove dev-old (expired 2026-11-20 00:00 UTC)", _out.ToString(), StringComparison.Ordinal);
        _workspace.Verify(w => w.DestroyAsync(It.IsAny<string>(), It.IsAny<Action<string>>(), It.IsAny<CancellationToken>()), Times.Never);
        _workspace.Verify(w => w.RemoveStackAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AStackWithoutAnExpiryIsLeftAloneAndReported()
    {
        HasStacks(("dev-forever", null));

        await Stacks().JanitorAsync(dryRun: false, CancellationToken.None);

        Assert.Contains("dev-forever: no readable expiry (no expiresAt output, platform-expires-at tag or platform:expiresAt); left alone", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneFailedDestroyDoesNotStopTheRestButFailsTheRun()
    {
        HasStacks(("dev-a", "2026-11-20"), ("dev-b", "2026-11-20"));
        _workspace.Setup(w => w.DestroyAsync("dev-a", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("load balancer still in use\nmore detail"));
        _workspace.Setup(w => w.DestroyAsync("dev-b", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _workspace.Setup(w => w.RemoveStackAsync("dev-b", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var code = await Stacks().JanitorAsync(dryRun: false, CancellationToken.None);

        Assert.Equal(DevStacks.Failed, code);
        Assert.Contains("dev-a: could not be removed: load balancer still in use", _err.ToString(), StringComparison.Ordinal);
        Assert.Contains("removed dev-b", _out.ToString(), StringComparison.Ordinal);
        _workspace.Verify(w => w.RemoveStackAsync("dev-a", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task TheJanitorReadsTheExpiryFromOutputsWhereTheConfigIsNotOnThisMachine()
    {
        _workspace.Setup(w => w.ListStacksAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new StackEntry("pr-9", Now.AddDays(-4))]);
        _workspace.Setup(w => w.GetConfigAsync("pr-9", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());
        _workspace.Setup(w => w.GetTagsAsync("pr-9", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());
        _workspace.Setup(w => w.GetOutputsAsync("pr-9", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, string> { ["expiresAt"] = "2026-11-21-1830", ["owner"] = "octocat" });
        _workspace.Setup(w => w.DestroyAsync("pr-9", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _workspace.Setup(w => w.RemoveStackAsync("pr-9", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var code = await Stacks().JanitorAsync(dryRun: false, CancellationToken.None);

        Assert.Equal(DevStacks.Ok, code);
        Assert.Contains("removed pr-9 (expired 2026-11-21 18:30 UTC)", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheJanitorFindsAStackWhoseFirstUpdateFailedThroughItsTags()
    {
        _workspace.Setup(w => w.ListStacksAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new StackEntry("dev-half", Now.AddDays(-2))]);
        _workspace.Setup(w => w.GetConfigAsync("dev-half", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());
        _workspace.Setup(w => w.GetOutputsAsync("dev-half", It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());
        _workspace.Setup(w => w.GetTagsAsync("dev-half", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, string>(DevStackConfig.Tags("alice", Now.AddHours(-1))));
        _workspace.Setup(w => w.DestroyAsync("dev-half", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _workspace.Setup(w => w.RemoveStackAsync("dev-half", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await Stacks().JanitorAsync(dryRun: false, CancellationToken.None);

        Assert.Contains("removed dev-half (expired 2026-11-22 08:00 UTC)", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADevStackDropsTheTemplatesDeletionProtectionAndClusterName()
    {
        var template = StackFileReader.Parse(
            global::Platform.Stacks.Tests.Stacks.GcpStaging().Replace("platform:cluster:", "platform:cluster:\n    name: staging\n    deletionProtection: true", StringComparison.Ordinal),
            "dev-x",
            new());

        var cluster = JsonNode.Parse(DevStackConfig.Build(template, "dev-x", "x", Now.AddHours(1))["platform:cluster"])!.AsObject();

        Assert.False(cluster.ContainsKey("deletionProtection"));
        Assert.False(cluster.ContainsKey("name"));
        Assert.Equal("europe-west1", cluster["region"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("gcp", "gcloud container clusters get-credentials c --region r --project p")]
    [InlineData("aws", "aws eks update-kubeconfig --name c --region r")]
    public void TheKubeconfigCommandFollowsTheCloud(string cloud, string expected) => Assert.Equal(
        expected,
        DevStacks.KubeconfigCommand(
            new Dictionary<string, string> { ["platform:cloud"] = cloud, ["gcp:project"] = "p" },
            new Dictionary<string, string> { ["clusterName"] = "c", ["clusterLocation"] = "r" }));

    [Theory]
    [InlineData("alice", true)]
    [InlineData("a1-b2", true)]
    [InlineData("Alice", false)]
    [InlineData("1abc", false)]
    [InlineData("abc-", false)]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefg", false)]
    public void DevNamesKeepTheClusterNameValid(string name, bool valid) => Assert.Equal(valid, DevStacks.StackProblem(name) is null);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
