using Moq;
using Platform.Delivery;

namespace Platform.Stacks.Tests;

/// <summary>The <c>platform</c> command line: parsing, help, and what happens without Pulumi.</summary>
public sealed class PlatformCommandTests
{
    private readonly Mock<IStackWorkspace> _workspace = new(MockBehavior.Strict);

    private PlatformCommand.Context Context(string? unavailable = null) =>
        new(Repo.Root, unavailable, () => _workspace.Object, TimeProvider.System, "tester");

    private async Task<(int Code, string Out, string Err)> Run(PlatformCommand.Context context, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await PlatformCommand.RunAsync(args, context, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("render", "--help")]
    [InlineData("diff", "--help")]
    [InlineData("dev", "--help")]
    [InlineData("dev", "up", "--help")]
    [InlineData("dev", "down", "--help")]
    [InlineData("dev", "list", "--help")]
    [InlineData("pr", "up", "--help")]
    [InlineData("pr", "down", "--help")]
    [InlineData("janitor", "--help")]
    public async Task EveryCommandHasHelp(params string[] args)
    {
        var (code, stdout, _) = await Run(Context(), args);

        Assert.Equal(0, code);
        // The usage line starts with the executable's name: platform when installed, the test host here.
        Assert.Matches($@"Usage:\s+\S+{string.Concat(args[..^1].Select(a => " " + a))} ", stdout.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("dev", "list")]
    [InlineData("dev", "down", "--name", "alice")]
    [InlineData("dev", "up", "--name", "alice")]
    [InlineData("janitor", "--dry-run")]
    public async Task WithoutPulumiTheCommandSaysSoInOneLine(params string[] args)
    {
        var (code, _, stderr) = await Run(Context("this command needs the Pulumi CLI, which is not on PATH"), args);

        Assert.Equal(PlatformCommand.Unavailable, code);
        Assert.Equal("this command needs the Pulumi CLI, which is not on PATH\n", stderr.Replace("\r", string.Empty, StringComparison.Ordinal));
        _workspace.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("--ttl '9d' is longer than 7d", "dev", "up", "--name", "alice", "--ttl", "9d")]
    [InlineData("--ttl 'soon' is not a lifetime; use a positive whole number and m, h or d, e.g. 8h", "dev", "up", "--name", "alice", "--ttl", "soon")]
    [InlineData("'azure'", "dev", "up", "--name", "alice", "--cloud", "azure")]
    [InlineData("--name", "dev", "up")]
    [InlineData("run 'platform dev --help' for usage", "dev")]
    [InlineData("'nope'", "nope")]
    [InlineData("--number '0' is not a pull request number; use a whole number above 0", "pr", "up", "--number", "0")]
    [InlineData("--number", "pr", "down")]
    public async Task BadCommandLinesExitSixtyFourNamingTheProblem(string expected, params string[] args)
    {
        var (code, _, stderr) = await Run(Context(), args);

        Assert.Equal(PlatformCommand.Usage, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        _workspace.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ABadDevNameIsRefusedBeforeAnyPulumiCall()
    {
        var (code, _, stderr) = await Run(Context(), "dev", "up", "--name", "Alice_1");

        Assert.Equal(PlatformCommand.Usage, code);
        Assert.Contains("--name 'Alice_1' must be 1 to 36 lowercase letters", stderr, StringComparison.Ordinal);
        _workspace.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DevDownWorksOnTheDevStackOfThatName()
    {
        _workspace.Setup(w => w.ListStacksAsync(It.IsAny<CancellationToken>())).ReturnsAsync([new StackEntry("dev-alice", null)]);
        _workspace.Setup(w => w.DestroyAsync("dev-alice", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _workspace.Setup(w => w.RemoveStackAsync("dev-alice", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var (code, stdout, _) = await Run(Context(), "dev", "down", "--name", "alice");

        Assert.Equal(0, code);
        Assert.Contains("destroyed and removed stack dev-alice", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrUpBuildsThePrStackThatLivesThreeDaysFromEachUpdate()
    {
        IReadOnlyDictionary<string, string>? config = null;
        _workspace.Setup(w => w.SetConfigAsync("pr-42", It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>()))
            .Callback<string, IReadOnlyDictionary<string, string>, CancellationToken>((_, c, _) => config = c)
            .Returns(Task.CompletedTask);
        _workspace.Setup(w => w.SetTagsAsync("pr-42", It.IsAny<IReadOnlyDictionary<string, string>>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _workspace.Setup(w => w.UpAsync("pr-42", It.IsAny<Action<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());
        var before = DateTimeOffset.UtcNow;

        var (code, _, stderr) = await Run(Context(), "pr", "up", "--number", "42", "--owner", "octocat");

        Assert.True(code == 0, stderr);
        Assert.Equal("octocat", config!["platform:owner"]);
        var expiry = DevStackConfig.ExpiresAt(config)!.Value;
        Assert.InRange(expiry, before.AddDays(3).AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(3));
    }

    [Fact]
    public async Task AnEngineFailureIsOneLineAndExitsOne()
    {
        _workspace.Setup(w => w.ListStacksAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("error: no credentials\nstack trace..."));

        var (code, _, stderr) = await Run(Context(), "dev", "list");

        Assert.Equal(1, code);
        Assert.Equal("pulumi failed: error: no credentials\n", stderr.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RenderAndDiffRunOffline()
    {
        var folder = Directory.CreateTempSubdirectory("platform-cli-").FullName;
        try
        {
            var (render, _, _) = await Run(Context("no pulumi"), "render", "--stack", "staging", "--dir", Repo.Root, "--out", Path.Combine(folder, "a"));
            var (diff, review, _) = await Run(Context("no pulumi"), "diff", Path.Combine(folder, "a"), Path.Combine(folder, "a"));

            Assert.Equal(0, render);
            Assert.Equal(0, diff);
            Assert.Contains("no change", review, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ThePulumiCliIsFoundOnPathOnly()
    {
        var folder = Directory.CreateTempSubdirectory("path-").FullName;
        try
        {
            Assert.Null(PulumiCli.Find(folder));
            File.WriteAllText(Path.Combine(folder, OperatingSystem.IsWindows() ? "pulumi.exe" : "pulumi"), string.Empty);
            Assert.NotNull(PulumiCli.Find($"/nonexistent{Path.PathSeparator}{folder}"));
            Assert.Null(PulumiCli.Find(null));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
