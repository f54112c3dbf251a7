using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>What the pools can hold at their largest against what tenants and add-ons ask for.</summary>
/// <param name="Checked">False for existing clusters, whose nodes the plan does not know.</param>
/// <param name="Available">Allocatable resources of all pools at max size, less DaemonSet requests.</param>
/// <param name="TenantQuotas">Sum of tenant quotas (or their services' needs when larger).</param>
/// <param name="Addons">Requests of the enabled add-ons.</param>
/// <param name="Headroom">Available minus what is asked; negative parts mean a shortfall.</param>
/// <param name="Services">Replicas derived for each declared tenant service.</param>
/// <param name="Reach">Per pool, what its autoscaler can reach; <paramref name="Available"/> counts exactly that.</param>
public sealed record CapacityPlan(bool Checked, Resources Available, Resources TenantQuotas, Resources Addons, Resources Headroom, IReadOnlyList<ServiceReplicas> Services, IReadOnlyList<PoolReach> Reach);
