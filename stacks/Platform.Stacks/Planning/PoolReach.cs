namespace Platform.Stacks.Planning;

/// <summary>What the autoscaler can really do with one pool, which is what the capacity check counts.</summary>
/// <param name="Pool">The pool's cloud name.</param>
/// <param name="ScaledBy">What moves the pool between its bounds: GKE's cluster autoscaler, or the Cluster Autoscaler release on EKS.</param>
/// <param name="MinNodes">Nodes it never goes below, across all zones.</param>
/// <param name="MaxNodes">Nodes it can reach, across all zones.</param>
/// <param name="PodsPerNode">Pods one node runs.</param>
public sealed record PoolReach(string Pool, string ScaledBy, int MinNodes, int MaxNodes, int PodsPerNode);
