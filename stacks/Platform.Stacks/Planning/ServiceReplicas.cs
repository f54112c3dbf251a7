using Platform.Stacks.Model;

namespace Platform.Stacks.Planning;

/// <summary>The replicas derived for one tenant service and what they request.</summary>
/// <param name="Tenant">Owning tenant.</param>
/// <param name="Service">Service name.</param>
/// <param name="Replicas">ceil(peakQps / qpsPerPod × redundancy).</param>
/// <param name="Requests">Requests of all replicas.</param>
public sealed record ServiceReplicas(string Tenant, string Service, int Replicas, Resources Requests);
