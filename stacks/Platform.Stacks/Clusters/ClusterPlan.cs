using Platform.Stacks.Model;

namespace Platform.Stacks.Clusters;

/// <summary>The cluster to build or connect to. Exactly one of the cloud records is set.</summary>
/// <param name="Name">Cluster name; the component name every resource name derives from.</param>
/// <param name="Cloud">Which record is set.</param>
/// <param name="Protect">
/// Whether the cluster, node pools, network and keys are protected in Pulumi state, so that neither a delete
/// nor a replacement can happen without an explicit unprotect. True in prod.
/// </param>
/// <param name="Gke">GKE decisions, for gcp.</param>
/// <param name="Eks">EKS decisions, for aws.</param>
/// <param name="Existing">Connection, for existing.</param>
public sealed record ClusterPlan(string Name, CloudKind Cloud, bool Protect, GkeClusterPlan? Gke, EksClusterPlan? Eks, ExistingClusterPlan? Existing);
