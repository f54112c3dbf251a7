namespace Platform.Stacks.Model;

/// <summary>Where the cluster comes from (<c>platform:cloud</c>).</summary>
public enum CloudKind
{
    /// <summary>Any existing cluster reached through a kubeconfig context (kind, k3d, minikube, on-prem).</summary>
    Existing,

    /// <summary>A regional GKE cluster on Google Cloud.</summary>
    Gcp,

    /// <summary>An EKS cluster on AWS.</summary>
    Aws,
}
