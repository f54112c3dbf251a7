using Platform.Stacks.Review;

namespace Platform.Stacks.Tests;

/// <summary>The unified diff: the same hunks <c>diff -u</c> prints.</summary>
public class UnifiedDiffTests
{
    [Fact]
    public void EqualTextsHaveNoDiff() => Assert.Empty(UnifiedDiff.Write("f", "a\nb\n", "a\nb\n"));

    [Fact]
    public void AChangedLineIsRemovedThenAdded() => Assert.Equal(
        "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
        UnifiedDiff.Write("f", "a\nb\nc\n", "a\nB\nc\n"));

    [Fact]
    public void ChangesFarApartGetTheirOwnHunks()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        var after = before.Replace("2\n3\n", "2\nthree\n", StringComparison.Ordinal).Replace("18\n", "eighteen\n", StringComparison.Ordinal);

        Assert.Equal(
            "--- a/f\n+++ b/f\n"
            + "@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n"
            + "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n",
            UnifiedDiff.Write("f", before, after));
    }

    [Fact]
    public void ANewFileComesFromDevNull() => Assert.Equal(
        "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n",
        UnifiedDiff.Write("f", null, "a\nb\n"));

    [Fact]
    public void ARemovedFileGoesToDevNull() => Assert.Equal(
        "--- a/f\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n",
        UnifiedDiff.Write("f", "a\n", null));

    [Fact]
    public void AnInsertionAtTheEndNamesTheLineBeforeIt() => Assert.Equal(
        "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n b\n+c\n",
        UnifiedDiff.Write("f", "a\nb\n", "a\nb\nc\n"));
}
