using System.Globalization;
using Platform.Stacks.Rendering;

namespace Platform.Stacks.Tests;

public class DeterminismTests
{
    private static SortedDictionary<string, string> Render(string stack) =>
        Renderer.Render(Planner.PlanStackFile(Repo.Root, stack).Plan!);

    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void RenderingTwiceGivesByteIdenticalFiles(string stack)
    {
        var first = Render(stack);
        var second = Render(stack);

        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, pair => Assert.Equal(pair.Value, second[pair.Key]));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("fr-CH")]
    public void RenderingUnderAnotherCultureGivesTheSameBytes(string culture)
    {
        var baseline = RenderIn(CultureInfo.InvariantCulture);
        var other = RenderIn(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(baseline.Keys, other.Keys);
        Assert.All(baseline, pair => Assert.Equal(pair.Value, other[pair.Key]));
    }

    [Fact]
    public void PlanJsonSectionsAreInReadingOrderKeysBelowThemSortedAndLinesEndInLf()
    {
        var json = Render("prod")["plan.json"];

        Assert.DoesNotContain('\r', json);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(
            ["schemaVersion", "stack", "spec", "cluster", "network", "nodePools", "capacity", "cost", "addons", "waves", "manifests", "labels", "outputs"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (var section in document.RootElement.EnumerateObject())
        {
            AssertSorted(section.Value);
        }
    }

    [Fact]
    public void PlanRecordsChartsVersionsAndDependencies()
    {
        using var document = System.Text.Json.JsonDocument.Parse(Render("prod")["plan.json"]);
        var loki = document.RootElement.GetProperty("addons").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "loki");
        var release = Assert.Single(loki.GetProperty("releases").EnumerateArray());

        Assert.Equal("18.11.0", release.GetProperty("version").GetString());
        Assert.Equal("observability", release.GetProperty("namespace").GetString());
        Assert.Equal("kube-prometheus-stack", release.GetProperty("dependsOn")[0].GetString());
        Assert.Equal("helm/loki.values.yaml", release.GetProperty("valuesFile").GetString());
    }

    private static SortedDictionary<string, string> RenderIn(CultureInfo culture)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return Render("prod");
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }

    private static void AssertSorted(System.Text.Json.JsonElement element)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            var names = element.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var property in element.EnumerateObject())
            {
                AssertSorted(property.Value);
            }
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AssertSorted(item);
            }
        }
    }

    [Theory]
    [InlineData("prod", "eks")]
    [InlineData("prod", "existing")]
    public void PlanJsonCarriesNoNullBranches(string stack, string absent)
    {
        var json = Rendering.PlanJson.Write(Planner.PlanStackFile(Repo.Root, stack).Plan!);

        Assert.DoesNotContain(": null", json, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{absent}\"", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"schemaVersion\": 1,\n  \"stack\": \"prod\",\n  \"spec\": {", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryNamesTheClusterPoolsAddonsTenantsCapacityProtectionAndExpiry()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "prod").Plan!;
        var summary = Rendering.SummaryMarkdown.Write(plan);

        Assert.Contains("Regional GKE cluster `prod` in project `acme-platform-prod`, region europe-west1", summary, StringComparison.Ordinal);
        foreach (var pool in plan.NodePools)
        {
            Assert.Contains($"| `{pool.Name}` | {pool.MachineType} | {pool.MinPerZone}–{pool.MaxPerZone} | 3 |", summary, StringComparison.Ordinal);
        }

        Assert.Contains("| certManager | Helm | cert-manager | v1.21.1 | yes |", summary, StringComparison.Ordinal);
        Assert.Contains("| calico | managed by the cloud |", summary, StringComparison.Ordinal);
        Assert.Contains("payments", summary, StringComparison.Ordinal);
        Assert.Contains("of headroom.", summary, StringComparison.Ordinal);
        Assert.Contains("the network and the cluster with its identities, keys, log group and OIDC provider are protected", summary, StringComparison.Ordinal);
        Assert.Contains("None: only dev stacks expire.", summary, StringComparison.Ordinal);
    }
}
