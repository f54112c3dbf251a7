using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>
/// Arguments of <see cref="EksCluster"/>. Nothing has a default: every value is given, usually by
/// <see cref="FromPlan"/>. Protection comes from the component's options and is inherited by the cluster, its key,
/// roles, log group and OIDC provider; access entries, core add-ons and the Kubernetes provider are never protected.
/// </summary>
public sealed class EksClusterArgs
{
    /// <summary>Cluster name in EKS; also names the roles' policy attachments.</summary>
    public required string ClusterName { get; init; }

    /// <summary>AWS region, written into the kubeconfig.</summary>
    public required string Region { get; init; }

    /// <summary>Kubernetes minor version, e.g. 1.34.</summary>
    public required Input<string> Version { get; init; }

    /// <summary>Subnets of the control plane's network interfaces, e.g. <see cref="EksNetwork.PrivateSubnetIds"/>.</summary>
    public required InputList<string> SubnetIds { get; init; }

    /// <summary>Whether the API server is reachable from inside the VPC.</summary>
    public required Input<bool> EndpointPrivateAccess { get; init; }

    /// <summary>Whether the API server has a public endpoint.</summary>
    public required Input<bool> EndpointPublicAccess { get; init; }

    /// <summary>CIDRs allowed to reach the public endpoint. EKS opens an empty list to 0.0.0.0/0, so give at least one.</summary>
    public required InputList<string> PublicAccessCidrs { get; init; }

    /// <summary>Kubernetes service range, outside the VPC.</summary>
    public required Input<string> ServiceIpv4Cidr { get; init; }

    /// <summary>API (access entries only) or API_AND_CONFIG_MAP.</summary>
    public required Input<string> AuthenticationMode { get; init; }

    /// <summary>Whether EKS makes the creating identity an implicit admin. Conflicts with listing that identity in <see cref="Admins"/>.</summary>
    public required Input<bool> BootstrapCreatorAdmin { get; init; }

    /// <summary>Cluster admins: a stable resource-name suffix for each principal ARN.</summary>
    public required IReadOnlyDictionary<string, string> Admins { get; init; }

    /// <summary>Access policy granted to <see cref="Admins"/>.</summary>
    public required Input<string> AdminPolicyArn { get; init; }

    /// <summary>Control-plane log types.</summary>
    public required InputList<string> LogTypes { get; init; }

    /// <summary>The control-plane log group, <c>/aws/eks/&lt;cluster&gt;/cluster</c>; created before the cluster.</summary>
    public required Input<string> LogGroupName { get; init; }

    /// <summary>Days the control-plane logs are kept.</summary>
    public required Input<int> LogRetentionDays { get; init; }

    /// <summary>Name of the control-plane role.</summary>
    public required Input<string> ClusterRoleName { get; init; }

    /// <summary>Managed policies of the control-plane role; each becomes a child named after the policy.</summary>
    public required IReadOnlyList<string> ClusterPolicyArns { get; init; }

    /// <summary>Name of the node role.</summary>
    public required Input<string> NodeRoleName { get; init; }

    /// <summary>Managed policies of the node role; each becomes a child named after the policy.</summary>
    public required IReadOnlyList<string> NodePolicyArns { get; init; }

    /// <summary>
    /// A KMS key made elsewhere to encrypt secrets with, or null to create the cluster's own key. When given, no key,
    /// alias or key policy is created, and the <c>Key*</c> arguments are not used.
    /// </summary>
    public Input<string>? ExistingKeyArn { get; init; }

    /// <summary>Alias of the secrets key.</summary>
    public required Input<string> KeyAlias { get; init; }

    /// <summary>Days a scheduled deletion of the key waits.</summary>
    public required Input<int> KeyDeletionWindowDays { get; init; }

    /// <summary>Whether AWS rotates the key yearly.</summary>
    public required Input<bool> KeyRotation { get; init; }

    /// <summary>Principals that administer the key. Include the identity that runs <c>pulumi up</c>, or it cannot update the key.</summary>
    public required IReadOnlyList<string> KeyAdministrators { get; init; }

    /// <summary>What the cluster role may do with the key.</summary>
    public required IReadOnlyList<string> KeyUserActions { get; init; }

    /// <summary>Core EKS add-ons that run without nodes (vpc-cni, kube-proxy): name to exact version.</summary>
    public required IReadOnlyDictionary<string, string> Addons { get; init; }

    /// <summary>OVERWRITE or PRESERVE, when an add-on's objects were changed outside EKS.</summary>
    public required Input<string> AddonConflictResolution { get; init; }

    /// <summary>Whether EKS refuses to delete the cluster.</summary>
    public required Input<bool> DeletionProtection { get; init; }

    /// <summary>Whether the Kubernetes provider treats objects of an unreachable cluster as deleted (dev stacks).</summary>
    public required Input<bool> DeleteUnreachable { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static EksClusterArgs FromPlan(ClusterPlan cluster, InputList<string> subnetIds)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var plan = cluster.Eks ?? throw new ArgumentException("the plan is not for aws", nameof(cluster));
        return new EksClusterArgs
        {
            ClusterName = cluster.Name,
            Region = plan.Region,
            Version = plan.Version,
            SubnetIds = subnetIds,
            EndpointPrivateAccess = plan.EndpointPrivateAccess,
            EndpointPublicAccess = plan.EndpointPublicAccess,
            PublicAccessCidrs = plan.PublicAccessCidrs.ToList(),
            ServiceIpv4Cidr = plan.ServiceIpv4Cidr,
            AuthenticationMode = plan.AuthenticationMode,
            BootstrapCreatorAdmin = plan.BootstrapCreatorAdmin,
            Admins = plan.Admins.ToDictionary(a => a.Id, a => a.PrincipalArn, StringComparer.Ordinal),
            AdminPolicyArn = plan.AdminPolicyArn,
            LogTypes = plan.LogTypes.ToList(),
            LogGroupName = plan.LogGroupName,
            LogRetentionDays = plan.LogRetentionDays,
            ClusterRoleName = plan.ClusterRoleName,
            ClusterPolicyArns = plan.ClusterPolicyArns,
            NodeRoleName = plan.NodeRoleName,
            NodePolicyArns = plan.NodePolicyArns,
            ExistingKeyArn = plan.SecretsKey.ExistingKeyArn is { } existing ? (Input<string>)existing : null,
            KeyAlias = plan.SecretsKey.Alias,
            KeyDeletionWindowDays = plan.SecretsKey.DeletionWindowDays,
            KeyRotation = plan.SecretsKey.Rotation,
            KeyAdministrators = plan.SecretsKey.Administrators,
            KeyUserActions = plan.SecretsKey.UserActions,
            Addons = plan.Addons.Where(a => !a.NeedsNodes).ToDictionary(a => a.Name, a => a.Version, StringComparer.Ordinal),
            AddonConflictResolution = plan.AddonConflictResolution,
            DeletionProtection = plan.DeletionProtection,
            DeleteUnreachable = cluster.DeleteUnreachable,
        };
    }
}
