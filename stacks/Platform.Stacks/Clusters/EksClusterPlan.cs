namespace Platform.Stacks.Clusters;

/// <summary>Everything the EKS components need, decided.</summary>
/// <param name="Region">AWS region.</param>
/// <param name="Version">Pinned Kubernetes minor version.</param>
/// <param name="EndpointPrivateAccess">The API server is reachable from inside the VPC (always true).</param>
/// <param name="EndpointPublicAccess">The API server has a public endpoint.</param>
/// <param name="PublicAccessCidrs">CIDRs allowed to reach the public endpoint.</param>
/// <param name="ServiceIpv4Cidr">Kubernetes service range, outside the VPC.</param>
/// <param name="AuthenticationMode">API: access entries, no aws-auth ConfigMap.</param>
/// <param name="Admins">IAM principals granted cluster admin through access entries.</param>
/// <param name="LogTypes">Control-plane log types sent to CloudWatch.</param>
/// <param name="ClusterRoleName">IAM role the control plane assumes.</param>
/// <param name="NodeRoleName">IAM role the managed node groups assume.</param>
/// <param name="KmsKeyAlias">Alias of the KMS key that envelope-encrypts secrets.</param>
/// <param name="Addons">Core EKS add-ons, pinned.</param>
/// <param name="DeletionProtection">Whether EKS refuses to delete the cluster.</param>
/// <param name="ClusterPolicyArns">Managed policies of the control-plane role.</param>
/// <param name="NodePolicyArns">Managed policies of the node role: join, VPC CNI, image pulls; nothing more.</param>
/// <param name="AdminPolicyArn">Access policy granted to <paramref name="Admins"/>.</param>
/// <param name="PublicSubnetTags">Tags of public subnets, which internet-facing load balancers discover.</param>
/// <param name="PrivateSubnetTags">Tags of private subnets, which internal load balancers and Karpenter discover.</param>
public sealed record EksClusterPlan(
    string Region,
    string Version,
    bool EndpointPrivateAccess,
    bool EndpointPublicAccess,
    IReadOnlyList<string> PublicAccessCidrs,
    string ServiceIpv4Cidr,
    string AuthenticationMode,
    IReadOnlyList<string> Admins,
    IReadOnlyList<string> LogTypes,
    string ClusterRoleName,
    string NodeRoleName,
    string KmsKeyAlias,
    IReadOnlyList<EksAddonPlan> Addons,
    bool DeletionProtection,
    IReadOnlyList<string> ClusterPolicyArns,
    IReadOnlyList<string> NodePolicyArns,
    string AdminPolicyArn,
    IReadOnlyDictionary<string, string> PublicSubnetTags,
    IReadOnlyDictionary<string, string> PrivateSubnetTags);
