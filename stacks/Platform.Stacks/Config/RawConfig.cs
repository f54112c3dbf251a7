namespace Platform.Stacks.Config;

/// <summary>
/// Stack configuration as read, before binding: full keys (<c>platform:cluster</c>,
/// <c>gcp:project</c>) mapped to their values, in source order.
/// </summary>
/// <param name="Stack">The stack name the configuration belongs to.</param>
/// <param name="Values">Top-level config keys and their values.</param>
public sealed record RawConfig(string Stack, IReadOnlyList<KeyValuePair<string, ConfigNode>> Values)
{
    /// <summary>The value of a top-level key, or null when it is not set.</summary>
    public ConfigNode? Get(string key)
    {
        foreach (var entry in Values)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }
}
