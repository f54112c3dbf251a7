namespace Platform.Stacks.Addons;

/// <summary>
/// The install order of the Helm add-ons as dependency waves: wave 1 needs nothing installed before it, and every
/// later wave needs only earlier ones. The depth is bounded by the longest chain of dependencies (CRD producers
/// before their consumers), not by the number of add-ons.
/// </summary>
public static class AddonWaves
{
    /// <summary>The waves of the add-ons delivered by Helm, each sorted by name.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Compute(IReadOnlyList<AddonPlan> addons)
    {
        ArgumentNullException.ThrowIfNull(addons);
        var releases = addons.Where(a => a.Release is not null).ToDictionary(a => a.Release!.Name, a => a, StringComparer.Ordinal);
        var wave = new Dictionary<string, int>(StringComparer.Ordinal);

        int WaveOf(string release, int depth)
        {
            if (wave.TryGetValue(release, out var known))
            {
                return known;
            }

            if (depth > releases.Count)
            {
                throw new InvalidOperationException($"add-on dependencies form a cycle through {release}");
            }

            var dependencies = releases[release].Release!.DependsOn.Where(releases.ContainsKey).ToList();
            var value = dependencies.Count == 0 ? 1 : 1 + dependencies.Max(d => WaveOf(d, depth + 1));
            wave[release] = value;
            return value;
        }

        foreach (var release in releases.Keys)
        {
            _ = WaveOf(release, 0);
        }

        return wave
            .GroupBy(w => w.Value)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<string>)g.Select(w => releases[w.Key].Name).Order(StringComparer.Ordinal).ToList())
            .ToList();
    }
}
