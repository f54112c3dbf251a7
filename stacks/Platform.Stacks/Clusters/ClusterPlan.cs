using Platform.Stacks.Model;

namespace Platform.Stacks.Clusters;

/// <summary>The cluster to build or connect to. Exactly one of the cloud records is set.</summary>
/// <param name="Name">Cluster name; the component name every resource name derives from.</param>
/// <param name="Cloud">Which record is set.</param>
/// <param name="Protect">
/// Whether the network and cluster components are protected in Pulumi state, which their children inherit: the
/// VPC, subnets and NAT, the cluster, its keys, roles and OIDC provider. Node pools are never protected: they are
/// replaceable by design. True in prod.
/// </param>
/// <param name="DeleteUnreachable">
/// Whether the Kubernetes provider treats objects of an unreachable cluster as deleted, so destroying a dev stack
/// whose cluster is already gone still succeeds. True for dev stacks only.
/// </param>
/// <param name="Gke">GKE decisions, for gcp.</param>
/// <param name="Eks">EKS decisions, for aws.</param>
/// <param name="Existing">Connection, for existing.</param>
public sealed record ClusterPlan(
    string Name,
    CloudKind Cloud,
    bool Protect,
    bool DeleteUnreachable,
    GkeClusterPlan? Gke,
    EksClusterPlan? Eks,
    ExistingClusterPlan? Existing);
