namespace Platform.Stacks.Clusters;

/// <summary>Everything the EKS components need, decided.</summary>
/// <param name="Region">AWS region.</param>
/// <param name="Version">Pinned Kubernetes minor version.</param>
/// <param name="EndpointPrivateAccess">The API server is reachable from inside the VPC (always true).</param>
/// <param name="EndpointPublicAccess">The API server has a public endpoint.</param>
/// <param name="PublicAccessCidrs">CIDRs allowed to reach the public endpoint; never empty when it is public.</param>
/// <param name="ServiceIpv4Cidr">Kubernetes service range, outside the VPC.</param>
/// <param name="AuthenticationMode">API: access entries, no aws-auth ConfigMap.</param>
/// <param name="BootstrapCreatorAdmin">Whether EKS makes its creator an implicit admin; always false, admins are explicit entries.</param>
/// <param name="Admins">Access entries granting cluster admin, one per principal, sorted by ARN.</param>
/// <param name="AdminPolicyArn">Access policy granted to <paramref name="Admins"/>.</param>
/// <param name="LogTypes">Control-plane log types sent to CloudWatch.</param>
/// <param name="LogGroupName">The control-plane log group, created before the cluster so its retention is ours.</param>
/// <param name="LogRetentionDays">Retention of that log group: 7 days in dev, 30 in staging, 90 in prod.</param>
/// <param name="ClusterRoleName">IAM role the control plane assumes.</param>
/// <param name="ClusterPolicyArns">Managed policies of the control-plane role.</param>
/// <param name="NodeRoleName">IAM role the managed node groups assume.</param>
/// <param name="NodePolicyArns">Managed policies of the node role: join, VPC CNI, image pulls; nothing more.</param>
/// <param name="SecretsKey">The KMS key that envelope-encrypts secrets.</param>
/// <param name="Addons">Core EKS add-ons, pinned.</param>
/// <param name="AddonConflictResolution">What EKS does when an add-on's objects were changed by hand: OVERWRITE, so the pinned configuration wins.</param>
/// <param name="DeletionProtection">Whether EKS refuses to delete the cluster.</param>
/// <param name="PublicSubnetTags">Tags of public subnets, which internet-facing load balancers discover.</param>
/// <param name="PrivateSubnetTags">Tags of private subnets, which internal load balancers discover.</param>
/// <param name="Autoscaler">The Cluster Autoscaler that scales the managed node groups.</param>
public sealed record EksClusterPlan(
    string Region,
    string Version,
    bool EndpointPrivateAccess,
    bool EndpointPublicAccess,
    IReadOnlyList<string> PublicAccessCidrs,
    string ServiceIpv4Cidr,
    string AuthenticationMode,
    bool BootstrapCreatorAdmin,
    IReadOnlyList<EksAccessEntryPlan> Admins,
    string AdminPolicyArn,
    IReadOnlyList<string> LogTypes,
    string LogGroupName,
    int LogRetentionDays,
    string ClusterRoleName,
    IReadOnlyList<string> ClusterPolicyArns,
    string NodeRoleName,
    IReadOnlyList<string> NodePolicyArns,
    KmsKeyPlan SecretsKey,
    IReadOnlyList<EksAddonPlan> Addons,
    string AddonConflictResolution,
    bool DeletionProtection,
    IReadOnlyDictionary<string, string> PublicSubnetTags,
    IReadOnlyDictionary<string, string> PrivateSubnetTags,
    ClusterAutoscalerPlan Autoscaler);
