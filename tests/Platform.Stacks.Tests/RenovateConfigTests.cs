using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Stacks.Addons;

namespace Platform.Stacks.Tests;

/// <summary>Renovate proposes bumps only for pins it can find, so every pinned chart must match its patterns.</summary>
public class RenovateConfigTests
{
    [Fact]
    public void RenovateFindsEveryPinnedChart()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "renovate.json")));
        var patterns = config.RootElement.GetProperty("customManagers").EnumerateArray()
            .SelectMany(m => m.GetProperty("matchStrings").EnumerateArray().Select(s => new Regex(s.GetString()!, RegexOptions.CultureInvariant)))
            .ToList();
        var sources = string.Join('\n', Directory.GetFiles(Path.Combine(Repo.Root, "stacks", "Platform.Stacks", "Addons"), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var found = patterns.SelectMany(p => p.Matches(sources)).Select(m => (m.Groups["depName"].Value, m.Groups["currentValue"].Value)).ToHashSet();

        var pinned = AddonCatalog.All
            .SelectMany(a => new[] { a.Chart, (a as Calico)?.CrdChart, (a as Tempo)?.DistributedChart })
            .Append(AddonCatalog.ClusterAutoscaler)
            .OfType<ChartRef>()
            .Select(c => (c.Chart, c.Version));
        Assert.All(pinned, chart => Assert.Contains(chart, found));
    }
}
