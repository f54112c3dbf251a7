namespace Platform.Stacks.Model;

/// <summary>A team with its own namespace and quota (<c>platform:tenants.&lt;name&gt;</c>).</summary>
/// <param name="Name">Tenant name; also its namespace. A DNS label.</param>
/// <param name="Group">The team's group (e-mail or IdP group), used for access. Optional.</param>
/// <param name="Quota">ResourceQuota. Default per profile.</param>
/// <param name="Pools">Pools the tenant schedules on. Default: general.</param>
/// <param name="Services">Services declared for capacity planning.</param>
public sealed record TenantSpec(
    string Name,
    string? Group,
    TenantQuota Quota,
    IReadOnlyList<NodePoolRole> Pools,
    IReadOnlyList<ServiceSpec> Services);
