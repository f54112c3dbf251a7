using Platform.Stacks.Planning;
using Pulumi;
using Pulumi.Aws.Eks.Inputs;

namespace Platform.Components.Aws;

/// <summary>
/// Arguments of <see cref="EksNodeGroup"/>. Nothing has a default: every value is given, usually by
/// <see cref="FromPlan"/>. A node group is never protected: it is replaceable by design, and a change EKS can only make
/// on a new group must come with a new <see cref="Name"/>, so the new group is created before the old one is removed.
/// </summary>
public sealed class EksNodeGroupArgs
{
    /// <summary>The node group's name in EKS.</summary>
    public required Input<string> Name { get; init; }

    /// <summary>Cluster name, e.g. <see cref="EksCluster.ClusterName"/>.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>Kubernetes version of the nodes; pass <see cref="EksCluster.Version"/> so groups follow control-plane upgrades.</summary>
    public required Input<string> KubernetesVersion { get; init; }

    /// <summary>Node role, e.g. <see cref="EksCluster.NodeRoleArn"/>.</summary>
    public required Input<string> NodeRoleArn { get; init; }

    /// <summary>Private subnets, e.g. <see cref="EksNetwork.PrivateSubnetIds"/>; nodes never get public addresses.</summary>
    public required InputList<string> SubnetIds { get; init; }

    /// <summary>ON_DEMAND or SPOT.</summary>
    public required Input<string> CapacityType { get; init; }

    /// <summary>Instance type.</summary>
    public required Input<string> InstanceType { get; init; }

    /// <summary>Node image, e.g. AL2023_x86_64_STANDARD or AL2023_ARM_64_STANDARD; must match the instance type's architecture.</summary>
    public required Input<string> AmiType { get; init; }

    /// <summary>Nodes at creation; ignored afterwards, when the Cluster Autoscaler owns the count.</summary>
    public required Input<int> DesiredSize { get; init; }

    /// <summary>Autoscaling lower bound across all zones.</summary>
    public required Input<int> MinSize { get; init; }

    /// <summary>Autoscaling upper bound across all zones.</summary>
    public required Input<int> MaxSize { get; init; }

    /// <summary>Nodes a rolling update may take down at a time; at least 1.</summary>
    public required Input<int> MaxUnavailable { get; init; }

    /// <summary>Device name of the image's root volume, e.g. /dev/xvda.</summary>
    public required Input<string> RootDevice { get; init; }

    /// <summary>Root volume size in GB.</summary>
    public required Input<int> DiskSizeGb { get; init; }

    /// <summary>Root volume type, e.g. gp3.</summary>
    public required Input<string> DiskType { get; init; }

    /// <summary>Whether the root volume is encrypted.</summary>
    public required Input<bool> DiskEncrypted { get; init; }

    /// <summary>IMDS token mode: required means IMDSv2 only.</summary>
    public required Input<string> MetadataHttpTokens { get; init; }

    /// <summary>IMDS hop limit; 1 keeps pods that are not on the host network away from the node's credentials.</summary>
    public required Input<int> MetadataHopLimit { get; init; }

    /// <summary>Node labels.</summary>
    public required InputMap<string> Labels { get; init; }

    /// <summary>Node taints, with EKS's effect names (NO_SCHEDULE, PREFER_NO_SCHEDULE, NO_EXECUTE).</summary>
    public required InputList<NodeGroupTaintArgs> Taints { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static EksNodeGroupArgs FromPlan(NodePoolPlan pool, Input<string> clusterName, Input<string> kubernetesVersion, Input<string> nodeRoleArn, InputList<string> subnetIds)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var eks = pool.Eks ?? throw new ArgumentException("the pool is not planned for EKS", nameof(pool));
        return new EksNodeGroupArgs
        {
            Name = pool.Name,
            ClusterName = clusterName,
            KubernetesVersion = kubernetesVersion,
            NodeRoleArn = nodeRoleArn,
            SubnetIds = subnetIds,
            CapacityType = pool.CapacityType,
            InstanceType = pool.MachineType,
            AmiType = eks.AmiType,
            DesiredSize = eks.DesiredSize,
            MinSize = pool.MinTotal,
            MaxSize = pool.MaxTotal,
            MaxUnavailable = pool.MaxUnavailable,
            RootDevice = eks.RootDevice,
            DiskSizeGb = pool.DiskSizeGb,
            DiskType = pool.DiskType,
            DiskEncrypted = eks.DiskEncrypted,
            MetadataHttpTokens = eks.MetadataHttpTokens,
            MetadataHopLimit = eks.MetadataHopLimit,
            Labels = pool.Labels.ToDictionary(l => l.Key, l => l.Value),
            Taints = pool.Taints.Select(t => new NodeGroupTaintArgs { Key = t.Key, Value = t.Value, Effect = t.ApiEffect }).ToList(),
        };
    }
}
