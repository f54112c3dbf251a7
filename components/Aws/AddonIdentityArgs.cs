using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>Arguments of <see cref="AddonIdentity"/>. Nothing has a default; <see cref="FromPlan"/> gives every value.</summary>
public sealed class AddonIdentityArgs
{
    /// <summary>Cluster name, e.g. <see cref="EksCluster.ClusterName"/>. The cluster needs the eks-pod-identity-agent add-on.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>IAM role name, at most 64 characters.</summary>
    public required Input<string> RoleName { get; init; }

    /// <summary>Namespace of the service account.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Name of the service account.</summary>
    public required Input<string> ServiceAccount { get; init; }

    /// <summary>Name of the inline policy.</summary>
    public required Input<string> PolicyName { get; init; }

    /// <summary>The inline policy as JSON; keep it least privilege.</summary>
    public required Input<string> PolicyDocument { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static AddonIdentityArgs FromPlan(PodIdentityRolePlan plan, Input<string> clusterName)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new AddonIdentityArgs
        {
            ClusterName = clusterName,
            RoleName = plan.RoleName,
            Namespace = plan.Namespace,
            ServiceAccount = plan.ServiceAccount,
            PolicyName = plan.PolicyName,
            PolicyDocument = plan.PolicyDocument,
        };
    }
}
