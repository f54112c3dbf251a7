using Platform.Stacks.Clusters;
using Pulumi;
using Pulumi.Aws.Eks;
using Pulumi.Aws.Iam;

namespace Platform.Components.Aws;

/// <summary>
/// The cloud identity of one add-on on EKS: an IAM role that only EKS Pod Identity may assume, its one inline policy,
/// and the association that hands the role to the add-on's service account. No static keys, and no annotation on the
/// service account, so the add-on's Helm values stay free of account-specific ARNs.
/// </summary>
public sealed class AddonIdentity : ComponentResource
{
    /// <summary>Creates the role, its policy and the association.</summary>
    public AddonIdentity(string name, AddonIdentityArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:AddonIdentity", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var child = new CustomResourceOptions { Parent = this };
        var role = new Role($"{name}-role", new RoleArgs
        {
            Name = args.RoleName,
            AssumeRolePolicy = IamPolicy.AssumeRoleByPodIdentity(),
        }, child);
        var policy = new RolePolicy($"{name}-policy", new RolePolicyArgs
        {
            Name = args.PolicyName,
            Role = role.Id,
            Policy = args.PolicyDocument,
        }, child);
        _ = new PodIdentityAssociation($"{name}-association", new PodIdentityAssociationArgs
        {
            ClusterName = args.ClusterName,
            Namespace = args.Namespace,
            ServiceAccount = args.ServiceAccount,
            RoleArn = role.Arn,
        }, new CustomResourceOptions { Parent = this, DependsOn = { policy } });

        RoleArn = role.Arn;
        RegisterOutputs(new Dictionary<string, object?> { ["roleArn"] = RoleArn });
    }

    /// <summary>The role's ARN.</summary>
    [Output("roleArn")]
    public Output<string> RoleArn { get; }
}
