using Platform.Stacks.Model;

namespace Platform.Stacks.Binding;

/// <summary>The default shape of one node pool role in one profile.</summary>
/// <param name="Enabled">Whether the pool exists unless config says otherwise.</param>
/// <param name="MinNodes">Per-zone lower bound.</param>
/// <param name="MaxNodes">Per-zone upper bound.</param>
/// <param name="Spot">Whether the pool uses spot capacity.</param>
/// <param name="Size">Which machine size class to use: 0 for the smaller type, 1 for the larger.</param>
internal sealed record PoolDefaults(bool Enabled, int MinNodes, int MaxNodes, bool Spot, int Size);
