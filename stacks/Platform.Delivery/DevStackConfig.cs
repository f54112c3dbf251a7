using System.Globalization;
using Platform.Stacks.Binding;
using Platform.Stacks.Config;
using Platform.Stacks.Planning;
using Platform.Stacks.Model;

namespace Platform.Delivery;

/// <summary>
/// The config of a <c>dev-&lt;name&gt;</c> or <c>pr-&lt;number&gt;</c> stack: a committed stack file's cloud, project,
/// region, zones, access, DNS and add-on switches, with the dev profile's pools and sizes, no tenants or SLOs (the
/// template's are sized for its own pools), its own cluster name and DNS name, an owner and an expiry.
/// </summary>
public static class DevStackConfig
{
    /// <summary>Stack name prefixes of short-lived stacks, which <c>dev list</c> shows and the janitor may destroy.</summary>
    public static IReadOnlyList<string> Prefixes { get; } = ["dev-", "pr-"];

    /// <summary>
    /// Keys the short-lived stack sets itself, or leaves to the dev profile, whatever the template says. The template's
    /// tenants and SLOs are sized for its own pools, not the dev profile's, so they are left out too.
    /// </summary>
    private static readonly string[] Replaced = ["platform:environment", "platform:expiresAt", "platform:owner", "platform:nodePools", "platform:tenants", "platform:slos"];

    /// <summary>The stack tag holding a short-lived stack's expiry, named and written like its cloud label.</summary>
    public const string ExpiresTag = ResourceLabels.ExpiresAt;

    /// <summary>The stack tag holding a short-lived stack's owner, named like its cloud label.</summary>
    public const string OwnerTag = ResourceLabels.Owner;

    /// <summary>The tags <c>dev up</c> and <c>pr up</c> set before the first update, so even a stack whose first update failed can be found.</summary>
    public static IReadOnlyDictionary<string, string> Tags(string owner, DateTimeOffset expiresAt) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ExpiresTag] = expiresAt.UtcDateTime.ToString(ResourceLabels.ExpiryFormat, CultureInfo.InvariantCulture),
        [OwnerTag] = owner,
    };

    /// <summary>Whether a stack is short-lived (see <see cref="Prefixes"/>).</summary>
    public static bool IsShortLived(string stack) => Prefixes.Any(p => stack.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The stack file a cloud's dev stacks start from, relative to the project folder.</summary>
    public static string Template(CloudKind cloud) => cloud switch
    {
        CloudKind.Gcp => "Pulumi.staging.yaml",
        CloudKind.Aws => Path.Combine("examples", "Pulumi.aws-prod.yaml"),
        _ => Path.Combine("examples", "Pulumi.local.yaml"),
    };

    /// <summary>The short-lived stack's config, in the engine's form (see <see cref="EngineConfigWriter"/>).</summary>
    public static SortedDictionary<string, string> Build(RawConfig template, string stack, string owner, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(template);
        var values = template.Values
            .Where(v => !Replaced.Contains(v.Key, StringComparer.Ordinal))
            .Select(v => v.Key switch
            {
                "platform:cluster" => new KeyValuePair<string, ConfigNode>(v.Key, Without(Without(v.Value, "name"), "deletionProtection")),
                "platform:dns" => new KeyValuePair<string, ConfigNode>(v.Key, Prefixed(v.Value, "domain", stack)),
                _ => v,
            })
            .Append(new("platform:environment", new ConfigScalar("dev", Quoted: true)))
            .Append(new("platform:owner", new ConfigScalar(owner, Quoted: true)))
            .Append(new("platform:expiresAt", new ConfigScalar(
                expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Quoted: true)))
            .ToList();
        return EngineConfigWriter.Write(new RawConfig(stack, values));
    }

    /// <summary>
    /// When a short-lived stack expires: from its <c>expiresAt</c> output or its tag (the backend holds both, so they
    /// are readable from any machine; the tag even before the first update succeeds), else from its config; null when
    /// none says, or says it unreadably.
    /// </summary>
    public static DateTimeOffset? ExpiresAt(IReadOnlyDictionary<string, string> config, IReadOnlyDictionary<string, string>? outputs = null, IReadOnlyDictionary<string, string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Parse(outputs?.GetValueOrDefault("expiresAt")) ?? Parse(tags?.GetValueOrDefault(ExpiresTag)) ?? Parse(config.GetValueOrDefault("platform:expiresAt"));
    }

    /// <summary>Who owns a short-lived stack, from its <c>owner</c> output, its tag or its config; null when none says.</summary>
    public static string? Owner(IReadOnlyDictionary<string, string> config, IReadOnlyDictionary<string, string> outputs, IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(tags);
        return new[] { outputs.GetValueOrDefault("owner"), tags.GetValueOrDefault(OwnerTag), config.GetValueOrDefault("platform:owner") }.FirstOrDefault(o => !string.IsNullOrEmpty(o));
    }

    // The config's forms, and the label form the program exports as the expiresAt output and the tag holds.
    private static DateTimeOffset? Parse(string? text)
    {
        string[] formats = [.. SpecBinder.ExpiryFormats, ResourceLabels.ExpiryFormat];
        return !string.IsNullOrEmpty(text)
            && DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiry)
            ? expiry
            : null;
    }

    private static ConfigNode Without(ConfigNode node, string key) => node is ConfigMapping map
        ? map with { Entries = map.Entries.Where(e => e.Key != key).ToList() }
        : node;

    // Each short-lived stack serves under its own subdomain, so its records and certificates never touch the template's.
    private static ConfigNode Prefixed(ConfigNode node, string key, string stack) => node is ConfigMapping map
        ? map with
        {
            Entries = map.Entries
                .Select(e => e.Key == key && e.Value is ConfigScalar domain ? new KeyValuePair<string, ConfigNode>(key, domain with { Text = $"{stack}.{domain.Text}" }) : e)
                .ToList(),
        }
        : node;
}
