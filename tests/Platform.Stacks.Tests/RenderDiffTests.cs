using Platform.Render;
using Platform.Stacks.Rendering;
using Platform.Stacks.Review;

namespace Platform.Stacks.Tests;

/// <summary>The reviewer's summary of two renders, from fixture renders of the committed staging stack.</summary>
public sealed class RenderDiffTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("render-diff-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Renders the committed staging stack, with text replacements, to <c>&lt;folder&gt;/&lt;side&gt;/staging</c>.</summary>
    private string Render(string side, params (string Old, string New)[] edits)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.staging.yaml"));
        foreach (var (old, replacement) in edits)
        {
            Assert.Contains(old, text, StringComparison.Ordinal);
            text = text.Replace(old, replacement, StringComparison.Ordinal);
        }

        var config = Directory.CreateDirectory(Path.Combine(_folder, $"{side}-config")).FullName;
        File.WriteAllText(Path.Combine(config, "Pulumi.staging.yaml"), text);
        var output = Path.Combine(_folder, side, "staging");
        Renderer.Write(Renderer.Render(Planner.PlanStackFile(config, "staging").Plan!), output);
        return output;
    }

    private string Base => Path.Combine(_folder, "base");

    private string Head => Path.Combine(_folder, "head");

    [Fact]
    public void IdenticalRendersShowNoChange()
    {
        Render("base");
        Render("head");

        Assert.Equal("## Render diff\n\n### `staging`: no change\n", RenderDiff.Markdown(Base, Head));
    }

    [Fact]
    public void AMachineTypeChangeShowsThePoolItsNewNameAndTheCost()
    {
        Render("base");
        Render("head", ("general: { machineType: e2-standard-4", "general: { machineType: e2-standard-8"));

        var review = RenderDiff.Markdown(Base, Head);

        Assert.Contains("### `staging`: 2 files changed", review, StringComparison.Ordinal);
        Assert.Contains("| staging-general | e2-standard-4, 3–12 nodes, as staging-general-", review, StringComparison.Ordinal);
        Assert.Contains("| e2-standard-8, 3–12 nodes, as staging-general-", review, StringComparison.Ordinal);
        Assert.DoesNotContain("| staging-system |", review, StringComparison.Ordinal);
        Assert.Contains("| estimated cost per hour, min | 1.703 USD |", review, StringComparison.Ordinal);
        Assert.Contains("| headroom cpu |", review, StringComparison.Ordinal);
        Assert.Contains("-        \"machineType\": \"e2-standard-4\",\n+        \"machineType\": \"e2-standard-8\",", review, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuotaChangeNamesTheChangedObject()
    {
        Render("base");
        Render("head", ("quota: { cpu: \"16\", memory: 32Gi, pods: 150 }", "quota: { cpu: \"20\", memory: 32Gi, pods: 150 }"));

        var review = RenderDiff.Markdown(Base, Head);

        Assert.Contains("| ResourceQuota payments/", review, StringComparison.Ordinal);
        Assert.Contains("| changed |", review, StringComparison.Ordinal);
        Assert.DoesNotContain("search/", review.Split("<details>")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ADomainChangeListsTheHelmValuesKeysItMoves()
    {
        Render("base");
        Render("head", ("domain: staging.example.com", "domain: staging.example.org"));

        var review = RenderDiff.Markdown(Base, Head);

        Assert.Contains("| external-dns | `domainFilters[0]` | staging.example.com | staging.example.org |", review, StringComparison.Ordinal);
    }

    [Fact]
    public void AChartBumpShowsBothVersions()
    {
        Render("base");
        var head = Render("head");
        var plan = Path.Combine(head, "plan.json");
        var version = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(plan))!["addons"]!.AsArray()
            .Single(a => a!["name"]!.GetValue<string>() == "certManager")!["releases"]![0]!["version"]!.GetValue<string>();
        File.WriteAllText(plan, File.ReadAllText(plan).Replace($"\"version\": \"{version}\"", "\"version\": \"v9.9.9\"", StringComparison.Ordinal));

        var review = RenderDiff.Markdown(Base, Head);

        Assert.Contains($"| cert-manager | cert-manager {version} (helm) | cert-manager v9.9.9 (helm) |", review, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewStackIsReportedAsNew()
    {
        Directory.CreateDirectory(Base);
        Render("head");

        var review = RenderDiff.Markdown(Base, Head);

        Assert.Contains("New stack: nothing to compare against.", review, StringComparison.Ordinal);
        Assert.Contains("--- /dev/null\n+++ b/plan.json\n@@ -0,0 +1,", review, StringComparison.Ordinal);
    }

    [Fact]
    public void LongListsAreCutWithACount()
    {
        Directory.CreateDirectory(Base);
        Render("head");

        var review = RenderDiff.Markdown(Base, Head);

        Assert.Matches(@"…and \d+ more; the unified diff below has them all\.", review);
    }

    [Fact]
    public void TheCommandPrintsTheReview()
    {
        Render("base");
        Render("head");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = RenderCommand.Run(["diff", Base, Head], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Equal(RenderDiff.Markdown(Base, Head), stdout.ToString());
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("diff", "one")]
    [InlineData("diff", "missing-a", "missing-b")]
    public void TheCommandNeedsTwoFolders(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(RenderCommand.Usage, RenderCommand.Run(args, stdout, stderr));
        Assert.NotEmpty(stderr.ToString());
    }

    [Fact]
    public void TheCommandHasHelp()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(RenderCommand.Ok, RenderCommand.Run(["diff", "--help"], stdout, stderr));
        Assert.Contains("platform-render diff <base-render-dir> <head-render-dir>", stdout.ToString(), StringComparison.Ordinal);
    }
}
