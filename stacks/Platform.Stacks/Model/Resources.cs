using System.Globalization;

namespace Platform.Stacks.Model;

/// <summary>An amount of schedulable resources: CPU cores, memory bytes and pod slots.</summary>
/// <param name="Cpu">CPU in cores.</param>
/// <param name="MemoryBytes">Memory in bytes.</param>
/// <param name="Pods">Pod slots.</param>
public readonly record struct Resources(decimal Cpu, decimal MemoryBytes, decimal Pods)
{
    private const decimal Gi = 1024m * 1024 * 1024;

    /// <summary>Nothing.</summary>
    public static Resources Zero => default;

    /// <summary>Memory in GiB, for messages.</summary>
    public decimal MemoryGiB => MemoryBytes / Gi;

    /// <summary>Builds an amount from cores and GiB.</summary>
    public static Resources Of(decimal cpu, decimal memoryGiB, decimal pods = 0) => new(cpu, memoryGiB * Gi, pods);

    /// <summary>Adds two amounts.</summary>
    public static Resources operator +(Resources a, Resources b) =>
        new(a.Cpu + b.Cpu, a.MemoryBytes + b.MemoryBytes, a.Pods + b.Pods);

    /// <summary>Subtracts <paramref name="b"/> from <paramref name="a"/>.</summary>
    public static Resources operator -(Resources a, Resources b) =>
        new(a.Cpu - b.Cpu, a.MemoryBytes - b.MemoryBytes, a.Pods - b.Pods);

    /// <summary>Scales an amount.</summary>
    public static Resources operator *(Resources a, decimal factor) =>
        new(a.Cpu * factor, a.MemoryBytes * factor, a.Pods * factor);


    /// <summary>A human description such as <c>12.5 CPU, 48 GiB memory, 330 pods</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cpu:0.##} CPU, {MemoryGiB:0.##} GiB memory, {Pods:0} pods");
}
