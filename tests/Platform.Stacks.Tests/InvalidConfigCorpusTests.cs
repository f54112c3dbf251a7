namespace Platform.Stacks.Tests;

/// <summary>
/// Stack files written the way a new user gets them wrong. Each file states the exact errors it must
/// produce in header lines (<c># expect: …</c>, or <c># expect-prefix: …</c> for parser messages that quote
/// the YAML library), and nothing else: a check that depends on a value already reported stays quiet. None may
/// crash or produce a plan.
/// </summary>
public class InvalidConfigCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "InvalidConfigs");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void CorpusHoldsAtLeastThirtyConfigs() => Assert.True(Files().Count >= 30, $"only {Files().Count} invalid configs");

    [Theory]
    [MemberData(nameof(Files))]
    public void InvalidConfigIsRejectedWithTheExpectedMessages(string file)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file));
        var header = text.Split('\n').TakeWhile(l => l.StartsWith('#')).ToList();
        var exact = header.Where(l => l.StartsWith("# expect: ", StringComparison.Ordinal)).Select(l => l["# expect: ".Length..]).ToList();
        var prefixes = header.Where(l => l.StartsWith("# expect-prefix: ", StringComparison.Ordinal)).Select(l => l["# expect-prefix: ".Length..]).ToList();
        Assert.NotEmpty(exact.Concat(prefixes));

        var errors = Stacks.Errors(text);

        var report = "got:\n  " + string.Join("\n  ", errors);
        Assert.All(exact, e => Assert.True(errors.Contains(e), $"missing: {e}\n{report}"));
        Assert.All(prefixes, p => Assert.True(errors.Any(e => e.StartsWith(p, StringComparison.Ordinal)), $"missing prefix: {p}\n{report}"));
        Assert.True(errors.Count == exact.Count + prefixes.Count, $"expected {exact.Count + prefixes.Count} error(s), no follow-on ones\n{report}");
    }
}
