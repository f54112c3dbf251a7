using System.Text;

namespace Platform.Stacks.Review;

/// <summary>
/// A unified diff of two texts, in the format <c>diff -u</c> and <c>git apply</c> read: <c>---</c>/<c>+++</c>
/// headers, then hunks with three lines of context. Lines are matched by their longest common subsequence, which is
/// exact and fast enough for render files of a few thousand lines.
/// </summary>
public static class UnifiedDiff
{
    /// <summary>Lines of unchanged context around each change.</summary>
    public const int Context = 3;

    /// <summary>The diff of <paramref name="before"/> and <paramref name="after"/>; empty when they are equal.</summary>
    public static string Write(string path, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (before == after)
        {
            return string.Empty;
        }

        var a = Lines(before);
        var b = Lines(after);
        var edits = Edits(a, b);
        var text = new StringBuilder();
        text.Append("--- ").Append(before is null ? "/dev/null" : $"a/{path}").Append('\n');
        text.Append("+++ ").Append(after is null ? "/dev/null" : $"b/{path}").Append('\n');
        foreach (var (start, end) in Hunks(edits))
        {
            var slice = edits.Skip(start).Take(end - start).ToList();
            var oldStart = slice.First().OldLine;
            var newStart = slice.First().NewLine;
            var oldCount = slice.Count(e => e.Kind != '+');
            var newCount = slice.Count(e => e.Kind != '-');
            text.Append($"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
            foreach (var edit in slice)
            {
                text.Append(edit.Kind).Append(edit.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>One line of the edit script, with the 1-based line it starts at in each text.</summary>
    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);

    private static string[] Lines(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], x + 1, y + 1));
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(new Edit('-', a[x], x + 1, y + 1));
                x++;
            }
            else
            {
                edits.Add(new Edit('+', b[y], x + 1, y + 1));
                y++;
            }
        }

        return edits;
    }

    /// <summary>Ranges of the edit script to print: each change with its context, overlapping ranges merged.</summary>
    private static IEnumerable<(int Start, int End)> Hunks(List<Edit> edits)
    {
        (int Start, int End)? open = null;
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == ' ')
            {
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = Math.Min(edits.Count, i + Context + 1);
            if (open is { } current && start <= current.End)
            {
                open = (current.Start, Math.Max(current.End, end));
            }
            else
            {
                if (open is { } done)
                {
                    yield return done;
                }

                open = (start, end);
            }
        }

        if (open is { } last)
        {
            yield return last;
        }
    }

    // A hunk's line range: an empty range names the line before it, as diff -u does.
    private static string Range(int start, int count) => count switch
    {
        0 => $"{start - 1},0",
        1 => $"{start}",
        _ => $"{start},{count}",
    };
}
