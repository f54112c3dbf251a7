using System.Globalization;
using System.Text;
using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>
/// The labels (GCP) and tags (AWS) stamped on every cloud resource that takes them, so a janitor, or a person in the
/// cloud console, can tell whose a resource is and when it may go. Values follow GCP's label rules (lowercase
/// letters, digits, <c>-</c> and <c>_</c>, at most 63 characters), so the same values serve both clouds.
/// </summary>
public static class ResourceLabels
{
    /// <summary>The stack the resource belongs to.</summary>
    public const string Stack = "platform-stack";

    /// <summary>The stack's environment profile.</summary>
    public const string Environment = "platform-environment";

    /// <summary>Who owns the stack (<c>platform:owner</c>), when set.</summary>
    public const string Owner = "platform-owner";

    /// <summary>When a dev stack may be destroyed, <c>yyyy-MM-dd-HHmm</c> in UTC.</summary>
    public const string ExpiresAt = "platform-expires-at";

    /// <summary>How <see cref="ExpiresAt"/> writes the expiry: a label value may hold no ':' or 'T'.</summary>
    public const string ExpiryFormat = "yyyy-MM-dd-HHmm";

    /// <summary>The labels of a stack, sorted by key.</summary>
    public static IReadOnlyDictionary<string, string> For(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Stack] = Value(spec.Stack),
            [Environment] = Value(spec.Environment.ToString()),
        };
        if (spec.Owner is { } owner)
        {
            labels[Owner] = Value(owner);
        }

        if (spec.ExpiresAt is { } expiry)
        {
            labels[ExpiresAt] = expiry.UtcDateTime.ToString(ExpiryFormat, CultureInfo.InvariantCulture);
        }

        return labels;
    }

    /// <summary>A label value: lowercase, every other character than a-z, 0-9, - and _ as '-', at most 63 characters.</summary>
    public static string Value(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            value.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' ? c : '-');
        }

        return value.Length > 63 ? value.ToString(0, 63) : value.ToString();
    }
}
