using Pulumi;
using Pulumi.Aws.Eks;
using Pulumi.Aws.Eks.Inputs;

namespace Platform.Components.Aws;

/// <summary>
/// One managed node group of the taxonomy, spread over the private subnets of every zone: on-demand or spot,
/// labels and taints, autoscaling bounds for all zones together, and rolling updates.
/// </summary>
public sealed class EksNodeGroup : ComponentResource
{
    /// <summary>Creates the node group.</summary>
    public EksNodeGroup(string name, EksNodeGroupArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:EksNodeGroup", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var pool = args.Pool;
        var group = new NodeGroup($"{name}-group", new NodeGroupArgs
        {
            ClusterName = args.ClusterName,
            NodeGroupName = pool.Name,
            NodeRoleArn = args.NodeRoleArn,
            SubnetIds = args.PrivateSubnetIds,
            CapacityType = pool.CapacityType,
            InstanceTypes = { pool.MachineType },
            DiskSize = pool.DiskSizeGb,
            ScalingConfig = new NodeGroupScalingConfigArgs
            {
                MinSize = pool.MinTotal,
                MaxSize = pool.MaxTotal,
                DesiredSize = pool.MinTotal,
            },
            UpdateConfig = new NodeGroupUpdateConfigArgs { MaxUnavailable = pool.MaxUnavailable },
            Labels = pool.Labels.ToDictionary(l => l.Key, l => l.Value),
            Taints = pool.Taints.Select(t => new NodeGroupTaintArgs { Key = t.Key, Value = t.Value, Effect = t.ApiEffect }).ToList(),
        }, new CustomResourceOptions
        {
            Parent = this,
            Protect = args.Protect,
            // The cluster autoscaler owns the desired size once the group exists.
            IgnoreChanges = { "scalingConfig.desiredSize" },
        });

        GroupName = group.NodeGroupName;
        RegisterOutputs(new Dictionary<string, object?> { ["groupName"] = GroupName });
    }

    /// <summary>The node group's name in EKS.</summary>
    [Output("groupName")]
    public Output<string> GroupName { get; }
}
