using Platform.Render;

namespace Platform.Stacks.Tests;

public sealed class RenderCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("render-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = RenderCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void RenderWritesPlanManifestsAndHelmValues()
    {
        var output = Path.Combine(_folder, "out");

        var (code, stdout, _) = Run("render", "--stack", "prod", "--dir", Repo.Root, "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("rendered stack 'prod'", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "plan.json")));
        Assert.True(File.Exists(Path.Combine(output, "manifests", "10-tenants.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "helm", "cert-manager.values.yaml")));
    }

    [Fact]
    public void BadConfigExitsTwoWithEveryErrorOnStderrAndWritesNothing()
    {
        File.WriteAllText(Path.Combine(_folder, "Pulumi.bad.yaml"), "config:\n  platform:cloud: gpc\n  platform:nodepools: {}\n");
        var output = Path.Combine(_folder, "out");

        var (code, stdout, stderr) = Run("render", "--stack", "bad", "--dir", _folder, "--out", output);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("platform:cloud: 'gpc' is not allowed; did you mean 'gcp'? use gcp, aws or existing", stderr, StringComparison.Ordinal);
        Assert.Contains("platform:nodepools: is not a known key; did you mean 'platform:nodePools'?", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void MissingStackFileExitsTwo()
    {
        var (code, _, stderr) = Run("render", "--stack", "nope", "--dir", _folder, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(2, code);
        Assert.Contains("stack: 'nope' has no stack file: Pulumi.nope.yaml was not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RerenderRemovesFilesAnEarlierRenderLeft()
    {
        var output = Path.Combine(_folder, "out");
        Directory.CreateDirectory(Path.Combine(output, "helm"));
        File.WriteAllText(Path.Combine(output, "helm", "stale.values.yaml"), "old: true\n");
        File.WriteAllText(Path.Combine(output, "README.txt"), "not ours");

        Assert.Equal(0, Run("render", "--stack", "staging", "--dir", Repo.Root, "--out", output).Code);

        Assert.False(File.Exists(Path.Combine(output, "helm", "stale.values.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "README.txt")));
    }

    [Theory]
    [InlineData("render", "--stack", "prod")]
    [InlineData("render", "--out", "x")]
    [InlineData("render", "--stack")]
    [InlineData("deploy", "--stack", "prod")]
    [InlineData("render", "--stack", "prod", "--out", "x", "--force", "y")]
    public void MalformedCommandLinesExitWithUsage(params string[] args)
    {
        var (code, _, stderr) = Run(args);

        Assert.Equal(64, code);
        Assert.Contains("usage: platform-render render", stderr, StringComparison.Ordinal);
    }
}
