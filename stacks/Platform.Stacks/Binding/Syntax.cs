using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Stacks.Binding;

/// <summary>Syntax checks for names, CIDRs and labels, with the reason a value fails.</summary>
public static partial class Syntax
{
    /// <summary>Null when <paramref name="value"/> is a DNS-1123 label of at most <paramref name="maxLength"/> characters; otherwise why not.</summary>
    public static string? DnsLabelProblem(string value, int maxLength = 63)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return "must not be empty";
        }

        if (value.Length > maxLength)
        {
            return $"is {value.Length} characters long; at most {maxLength} are allowed";
        }

        return DnsLabel().IsMatch(value)
            ? null
            : "must be lowercase letters, digits and '-', start with a letter and end with a letter or digit";
    }

    /// <summary>Null when <paramref name="value"/> is a lowercase DNS name with at least two labels; otherwise why not.</summary>
    public static string? DomainProblem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > 253)
        {
            return "must be a DNS name of 1 to 253 characters";
        }

        var labels = value.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || !DomainLabel().IsMatch(l)))
        {
            return "is not a DNS name; use lowercase labels separated by dots, e.g. prod.example.com";
        }

        return null;
    }

    /// <summary>Parses an IPv4 CIDR; on failure returns why, naming the aligned form when host bits were set.</summary>
    public static string? CidrProblem(string value, out IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(value);
        network = default;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && value[..slash].Contains(':', StringComparison.Ordinal) && IPAddress.TryParse(value.AsSpan(0, slash), out _))
        {
            return "is not IPv4; only IPv4 ranges are supported";
        }

        // IPAddress alone accepts shorthands such as "10" for 0.0.0.10; a CIDR here is four dotted parts.
        if (slash < 0 || value[..slash].Split('.').Length != 4 || !IPAddress.TryParse(value.AsSpan(0, slash), out var address)
            || !int.TryParse(value.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix))
        {
            return "is not a CIDR; use the form 10.20.0.0/16";
        }

        if (prefix is < 0 or > 32)
        {
            return "has a prefix length outside 0-32";
        }

        var aligned = Mask(address, prefix);
        if (!aligned.Equals(address))
        {
            return $"has host bits set; did you mean {new IPNetwork(aligned, prefix)}?";
        }

        network = new IPNetwork(aligned, prefix);
        return null;
    }

    /// <summary>True when the network lies inside 10/8, 172.16/12, 192.168/16 or 100.64/10.</summary>
    public static bool IsPrivate(IPNetwork network) =>
        PrivateRanges.Any(r => r.PrefixLength <= network.PrefixLength && r.Contains(network.BaseAddress));

    /// <summary>The private ranges VPCs may use.</summary>
    public static IReadOnlyList<IPNetwork> PrivateRanges { get; } =
        [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("100.64.0.0/10")];

    /// <summary>Null when <paramref name="key"/> is a valid Kubernetes label key; otherwise why not.</summary>
    public static string? LabelKeyProblem(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.LastIndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length > 253 || prefix.Split('.').Any(l => !DomainLabel().IsMatch(l)))
            {
                return "has a prefix that is not a lowercase DNS name";
            }
        }

        return name.Length is > 0 and <= 63 && LabelName().IsMatch(name)
            ? null
            : "must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (with an optional DNS prefix and '/')";
    }

    /// <summary>Null when <paramref name="value"/> is a valid Kubernetes label value; otherwise why not.</summary>
    public static string? LabelValueProblem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 0 || (value.Length <= 63 && LabelName().IsMatch(value))
            ? null
            : "must be empty or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit";
    }

    private static IPAddress Mask(IPAddress address, int prefix)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }

        return new IPAddress(bytes);
    }

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainLabel();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelName();
}
