namespace Platform.Stacks.Clusters;

/// <summary>An existing cluster: nothing is created, only a Kubernetes provider for the context.</summary>
/// <param name="Context">kubeconfig context.</param>
/// <param name="Kubeconfig">kubeconfig file, or null for the usual lookup (KUBECONFIG, ~/.kube/config).</param>
public sealed record ExistingClusterPlan(string Context, string? Kubeconfig);
