namespace Platform.Stacks.Model;

/// <summary>The node pool taxonomy shared by every cloud (<c>platform:nodePools.&lt;role&gt;</c>).</summary>
public enum NodePoolRole
{
    /// <summary>Critical add-ons only; tainted <c>CriticalAddonsOnly</c>.</summary>
    System,

    /// <summary>Ordinary tenant workloads.</summary>
    General,

    /// <summary>CPU-heavy, interruption-tolerant batch work; spot by default.</summary>
    Compute,

    /// <summary>Stateful workloads with persistent volumes (databases, observability storage).</summary>
    Stateful,
}
