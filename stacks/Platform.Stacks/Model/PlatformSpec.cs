namespace Platform.Stacks.Model;

/// <summary>
/// The typed description of one environment after binding and profile defaults. Every value is final;
/// <see cref="Sources"/> says where each came from.
/// </summary>
/// <param name="Stack">The Pulumi stack name.</param>
/// <param name="Environment">The profile that supplied defaults.</param>
/// <param name="Cloud">Where the cluster runs.</param>
/// <param name="GcpProject">gcp: the project (<c>gcp:project</c>). Required for gcp.</param>
/// <param name="ExpiresAt">dev: when the stack may be destroyed by the janitor. Required for dev, refused otherwise.</param>
/// <param name="Cluster">Cluster settings.</param>
/// <param name="Network">Addressing; null for existing clusters.</param>
/// <param name="NodePools">Enabled node pools, in taxonomy order; empty for existing clusters.</param>
/// <param name="Addons">Every catalog add-on with its switch, in catalog order.</param>
/// <param name="Dns">DNS zone and certificate issuer; null when no domain is configured.</param>
/// <param name="GitOps">The GitOps repository; null when not configured.</param>
/// <param name="Tenants">Tenants sorted by name.</param>
/// <param name="Slos">SLOs sorted by name.</param>
/// <param name="Sources">For each resolved key, where its value came from (config, profile:&lt;name&gt;, stack name, default).</param>
/// <param name="Owner">Who owns the stack (<c>platform:owner</c>), stamped on its cloud resources. Optional.</param>
/// <param name="Alerting">Where alerts go; null when not configured (alerts are then only visible in Alertmanager).</param>
/// <param name="Sso">Single sign-on for Argo CD and Grafana; null when not configured.</param>
/// <param name="SecretMaps">
/// Which maps of secrets the config sets (<c>argocdSecrets</c>, <c>grafanaSecrets</c>, <c>receiverSecrets</c>): the plan
/// never sees their values, only whether they are there.
/// </param>
public sealed record PlatformSpec(
    string Stack,
    EnvironmentProfile Environment,
    CloudKind Cloud,
    string? GcpProject,
    DateTimeOffset? ExpiresAt,
    ClusterSpec Cluster,
    NetworkSpec? Network,
    IReadOnlyList<NodePoolSpec> NodePools,
    IReadOnlyList<AddonSpec> Addons,
    DnsSpec? Dns,
    GitOpsSpec? GitOps,
    IReadOnlyList<TenantSpec> Tenants,
    IReadOnlyList<SloSpec> Slos,
    IReadOnlyDictionary<string, string> Sources,
    string? Owner = null,
    AlertingSpec? Alerting = null,
    IReadOnlyList<string>? SecretMaps = null,
    SsoSpec? Sso = null)
{
    /// <summary>Base DNS domain for the shared Gateway and its certificate, or null.</summary>
    public string? DnsDomain => Dns?.Domain;

    /// <summary>Whether the config sets the map of secrets <paramref name="name"/> (without <c>platform:</c>).</summary>
    public bool HasSecretMap(string name) => SecretMaps?.Contains(name, StringComparer.Ordinal) ?? false;

    /// <summary>True when the add-on is in the catalog and switched on.</summary>
    public bool IsEnabled(string addon) => Addons.Any(a => a.Name == addon && a.Enabled);
}
