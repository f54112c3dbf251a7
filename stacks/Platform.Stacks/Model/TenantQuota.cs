namespace Platform.Stacks.Model;

/// <summary>A tenant's ResourceQuota (<c>platform:tenants.&lt;name&gt;.quota</c>). Requests are what is capped.</summary>
/// <param name="Cpu">CPU requests cap.</param>
/// <param name="Memory">Memory requests cap.</param>
/// <param name="Pods">Pod count cap.</param>
public sealed record TenantQuota(Quantity Cpu, Quantity Memory, int Pods)
{
    /// <summary>The quota as a resource amount.</summary>
    public Resources AsResources() => new(Cpu.Value, Memory.Value, Pods);
}
