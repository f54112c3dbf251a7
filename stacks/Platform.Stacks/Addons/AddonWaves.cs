namespace Platform.Stacks.Addons;

/// <summary>
/// The install order of the add-ons delivered by Helm, as dependency waves: wave 1 needs nothing installed before
/// it, and every later wave needs only earlier ones. The depth is bounded by the longest chain of dependencies
/// between add-ons (CRD producers before their consumers), not by the number of add-ons.
/// </summary>
public static class AddonWaves
{
    /// <summary>The waves of the add-ons that have Helm releases, each sorted by name.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Compute(IReadOnlyList<AddonPlan> addons)
    {
        ArgumentNullException.ThrowIfNull(addons);
        var withReleases = addons.Where(a => a.Releases.Count > 0).ToList();
        var owner = withReleases.SelectMany(a => a.Releases.Select(r => (Release: r.Name, Addon: a.Name))).ToDictionary(x => x.Release, x => x.Addon, StringComparer.Ordinal);
        var needs = withReleases.ToDictionary(
            a => a.Name,
            a => a.Releases.SelectMany(r => r.DependsOn).Where(owner.ContainsKey).Select(r => owner[r]).Where(n => n != a.Name).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
        var wave = new Dictionary<string, int>(StringComparer.Ordinal);

        int WaveOf(string addon, int depth)
        {
            if (wave.TryGetValue(addon, out var known))
            {
                return known;
            }

            if (depth > needs.Count)
            {
                throw new InvalidOperationException($"add-on dependencies form a cycle through {addon}");
            }

            var value = needs[addon].Count == 0 ? 1 : 1 + needs[addon].Max(d => WaveOf(d, depth + 1));
            wave[addon] = value;
            return value;
        }

        foreach (var addon in needs.Keys)
        {
            _ = WaveOf(addon, 0);
        }

        return wave
            .GroupBy(w => w.Value)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<string>)g.Select(w => w.Key).Order(StringComparer.Ordinal).ToList())
            .ToList();
    }
}
