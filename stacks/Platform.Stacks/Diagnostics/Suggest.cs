namespace Platform.Stacks.Diagnostics;

/// <summary>Did-you-mean suggestions for mistyped keys and values.</summary>
public static class Suggest
{
    /// <summary>
    /// The closest candidate to <paramref name="input"/> by edit distance (case-insensitive),
    /// or null when nothing is close enough to be a likely typo.
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var limit = Math.Max(2, input.Length / 3);
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Formats the allowed values as <c>a, b or c</c>.</summary>
    public static string OneOf(IEnumerable<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var list = allowed.ToList();
        return list.Count switch
        {
            0 => "nothing",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1],
        };
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
