namespace Platform.Stacks.Model;

/// <summary>The cluster itself (<c>platform:cluster</c>).</summary>
/// <param name="Name">Cluster name. Default: the stack name.</param>
/// <param name="Region">Cloud region. Required for gcp and aws; not used for existing.</param>
/// <param name="Zones">Zones inside <paramref name="Region"/>. Required for gcp and aws; prod needs three or more.</param>
/// <param name="ReleaseChannel">GKE release channel (RAPID, REGULAR, STABLE, EXTENDED). gcp only. Default: REGULAR, STABLE in prod.</param>
/// <param name="KubernetesVersion">Pinned control-plane version (<c>1.34</c>). aws: default from the version catalog; gcp: optional minimum version.</param>
/// <param name="PrivateEndpoint">Whether the API server has only a private endpoint. Default false.</param>
/// <param name="AuthorizedNetworks">
/// CIDRs allowed to reach the API server. A public endpoint needs at least one (0.0.0.0/0 only when written
/// out, and never in prod); a private GKE endpoint needs at least one private range.
/// </param>
/// <param name="DeletionProtection">Whether the cloud refuses to delete the cluster. Default: true in prod.</param>
/// <param name="MaintenanceWindow">Daily maintenance window start, <c>HH:MM</c> UTC. Default 03:00.</param>
/// <param name="SecretsEncryptionKey">
/// gcp: a Cloud KMS key name for application-layer secrets encryption (optional; default: Google-managed).
/// aws: an existing KMS key ARN instead of the cluster's own key (optional; default: a key per cluster).
/// Either way in the cluster's region.
/// </param>
/// <param name="Context">existing: the kubeconfig context to use. Required for existing.</param>
/// <param name="Kubeconfig">existing: path of the kubeconfig file. Default: the usual kubeconfig lookup.</param>
/// <param name="Admins">aws: IAM role or user ARNs granted cluster admin through EKS access entries. Required on aws: the creator gets no implicit access.</param>
/// <param name="NetworkPolicy">gcp: <c>calico</c> (Dataplane V1 with Calico) or <c>dataplaneV2</c>. Fixed at cluster creation. Default calico.</param>
public sealed record ClusterSpec(
    string Name,
    string? Region,
    IReadOnlyList<string> Zones,
    string? ReleaseChannel,
    string? KubernetesVersion,
    bool PrivateEndpoint,
    IReadOnlyList<string> AuthorizedNetworks,
    bool DeletionProtection,
    string MaintenanceWindow,
    string? SecretsEncryptionKey,
    string? Context,
    string? Kubeconfig,
    IReadOnlyList<string> Admins,
    string? NetworkPolicy);
