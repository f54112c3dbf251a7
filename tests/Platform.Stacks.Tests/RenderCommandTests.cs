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

    [Fact]
    public void OutPointingAtAFileIsAOneLineUsageErrorAndNothingIsWritten()
    {
        var file = Path.Combine(_folder, "taken");
        File.WriteAllText(file, "mine");

        var (code, stdout, stderr) = Run("render", "--stack", "prod", "--dir", Repo.Root, "--out", file);

        Assert.Equal(64, code);
        Assert.Empty(stdout);
        Assert.Equal($"--out '{file}' is a file; give a folder to write the render into\n", stderr.ReplaceLineEndings("\n"));
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void OutBelowAFileIsAOneLineUsageError()
    {
        var file = Path.Combine(_folder, "taken");
        File.WriteAllText(file, "mine");
        var output = Path.Combine(file, "out");

        var (code, _, stderr) = Run("render", "--stack", "prod", "--dir", Repo.Root, "--out", output);

        Assert.Equal(64, code);
        Assert.Equal($"--out '{output}' cannot be a folder: '{file}' is a file\n", stderr.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("render", "--help")]
    [InlineData("render", "--stack", "prod", "-h")]
    [InlineData("--help")]
    public void HelpPrintsUsageAndSucceeds(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);

        Assert.Equal(0, code);
        Assert.Contains("usage: platform-render render", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    [Fact]
    public void ARepeatedOptionIsRefusedInsteadOfTakingTheLastOne()
    {
        var (code, _, stderr) = Run("render", "--stack", "prod", "--stack", "staging", "--out", Path.Combine(_folder, "out"));

        Assert.Equal(64, code);
        Assert.Equal("option --stack is given twice ('prod' and 'staging'); give it once\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void WarningsGoToStderrAndDoNotStopTheRender()
    {
        File.WriteAllText(Path.Combine(_folder, "Pulumi.staging.yaml"), Stacks.Config(
            Stacks.Project, Stacks.Gcp, "platform:cluster:\n  region: europe-west1\n  zones: [europe-west1-b]\n  authorizedNetworks: [0.0.0.0/0]"));

        var (code, _, stderr) = Run("render", "--stack", "staging", "--dir", _folder, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(0, code);
        Assert.Equal("warning: platform:cluster.authorizedNetworks[0]: '0.0.0.0/0' opens the API server to the internet; list the networks that need it instead\n", stderr.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void EveryRenderWritesASummary()
    {
        var output = Path.Combine(_folder, "out");

        Assert.Equal(0, Run("render", "--stack", "local", "--dir", Repo.Examples, "--out", output).Code);

        Assert.StartsWith("# Stack `local`\n", File.ReadAllText(Path.Combine(output, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheReadmesBadConfigExamplePrintsExactlyWhatTheReadmeShows()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        const string Prompt = "$ scripts/platform-render render --stack bad --dir examples --out out/bad\n";
        var start = readme.IndexOf(Prompt, StringComparison.Ordinal);
        Assert.True(start >= 0, "the README's bad-config example is missing");
        var shown = readme[(start + Prompt.Length)..readme.IndexOf("```", start, StringComparison.Ordinal)];

        var (code, stdout, stderr) = Run("render", "--stack", "bad", "--dir", Repo.Examples, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal(shown, stderr.ReplaceLineEndings("\n"));
    }
}
