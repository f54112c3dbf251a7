namespace Platform.Stacks.Model;

/// <summary>DNS and public certificates (<c>platform:dns</c>).</summary>
/// <param name="Domain">Base domain: the shared Gateway serves <c>*.&lt;domain&gt;</c>.</param>
/// <param name="Zone">
/// The cloud DNS zone records are written to: a Cloud DNS managed zone name on gcp, a Route53 hosted zone id on aws.
/// Required on gcp and aws; not used on existing clusters, which manage their own DNS.
/// </param>
/// <param name="Issuer">
/// Who issues the Gateway's certificate: <c>letsencrypt</c>, <c>letsencrypt-staging</c> (both through DNS-01 in
/// <paramref name="Zone"/>) or <c>internal</c> (the platform's own CA). Default internal; prod must choose.
/// </param>
/// <param name="AcmeEmail">Contact for Let's Encrypt; required with a Let's Encrypt issuer.</param>
public sealed record DnsSpec(string Domain, string? Zone, string Issuer, string? AcmeEmail)
{
    /// <summary>The issuers <see cref="Issuer"/> accepts.</summary>
    public static IReadOnlyList<string> Issuers { get; } = ["internal", "letsencrypt", "letsencrypt-staging"];

    /// <summary>Whether certificates come from Let's Encrypt.</summary>
    public bool UsesAcme => Issuer != "internal";
}
