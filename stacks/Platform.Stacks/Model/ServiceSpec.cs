namespace Platform.Stacks.Model;

/// <summary>
/// A tenant service declared for capacity planning (<c>platform:tenants.&lt;t&gt;.services.&lt;name&gt;</c>).
/// Replicas are peak QPS / per-pod QPS × redundancy, rounded up.
/// </summary>
/// <param name="Name">Service name.</param>
/// <param name="PeakQps">Expected peak queries per second.</param>
/// <param name="QpsPerPod">Queries per second one pod serves safely.</param>
/// <param name="Redundancy">Headroom factor, at least 1 (1.5 = 50% spare). Default 1.5.</param>
/// <param name="Cpu">CPU request per pod.</param>
/// <param name="Memory">Memory request per pod.</param>
public sealed record ServiceSpec(string Name, decimal PeakQps, decimal QpsPerPod, decimal Redundancy, Quantity Cpu, Quantity Memory)
{
    /// <summary>Replicas needed at peak: ceil(peakQps / qpsPerPod × redundancy), at least 1.</summary>
    public int Replicas => (int)Math.Max(1m, Math.Ceiling(PeakQps / QpsPerPod * Redundancy));

    /// <summary>Requests of all replicas together.</summary>
    public Resources Demand => new(Cpu.Value * Replicas, Memory.Value * Replicas, Replicas);
}
