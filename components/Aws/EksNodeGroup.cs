using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;
using Pulumi.Aws.Eks;
using Pulumi.Aws.Eks.Inputs;

namespace Platform.Components.Aws;

/// <summary>
/// One EKS managed node group spread over the private subnets of every zone, created from its own launch template
/// (encrypted root volume of the planned type and size, IMDSv2 only with a hop limit of 1). It runs the cluster's
/// Kubernetes version, on-demand or spot, with labels and taints, autoscaling bounds for all zones together and
/// rolling updates. A replacement creates the new group before deleting the old one (EKS drains it), which the
/// group's settings-derived name makes possible.
/// </summary>
public sealed class EksNodeGroup : ComponentResource
{
    /// <summary>Creates the node group.</summary>
    public EksNodeGroup(string name, EksNodeGroupArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:EksNodeGroup", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var template = new LaunchTemplate($"{name}-template", new LaunchTemplateArgs
        {
            Description = args.Name.Apply(n => $"Nodes of EKS node group {n}"),
            UpdateDefaultVersion = true,
            BlockDeviceMappings =
            {
                new LaunchTemplateBlockDeviceMappingArgs
                {
                    DeviceName = args.RootDevice,
                    Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs
                    {
                        VolumeSize = args.DiskSizeGb,
                        VolumeType = args.DiskType,
                        Encrypted = args.DiskEncrypted.Apply(e => e ? "true" : "false"),
                        DeleteOnTermination = "true",
                    },
                },
            },
            MetadataOptions = new LaunchTemplateMetadataOptionsArgs
            {
                HttpEndpoint = "enabled",
                HttpTokens = args.MetadataHttpTokens,
                HttpPutResponseHopLimit = args.MetadataHopLimit,
            },
        }, new CustomResourceOptions { Parent = this });

        var group = new NodeGroup($"{name}-group", new NodeGroupArgs
        {
            ClusterName = args.ClusterName,
            NodeGroupName = args.Name,
            Version = args.KubernetesVersion,
            NodeRoleArn = args.NodeRoleArn,
            SubnetIds = args.SubnetIds,
            CapacityType = args.CapacityType,
            InstanceTypes = { args.InstanceType },
            AmiType = args.AmiType,
            LaunchTemplate = new NodeGroupLaunchTemplateArgs
            {
                Id = template.Id,
                Version = template.LatestVersion.Apply(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            },
            ScalingConfig = new NodeGroupScalingConfigArgs
            {
                MinSize = args.MinSize,
                MaxSize = args.MaxSize,
                DesiredSize = args.DesiredSize,
            },
            UpdateConfig = new NodeGroupUpdateConfigArgs { MaxUnavailable = args.MaxUnavailable },
            Labels = args.Labels,
            Taints = args.Taints,
        }, new CustomResourceOptions
        {
            Parent = this,
            // Create the replacement first; its name differs, so both groups exist while EKS drains the old one.
            DeleteBeforeReplace = false,
            // The Cluster Autoscaler owns the desired size once the group exists.
            IgnoreChanges = { "scalingConfig.desiredSize" },
        });

        GroupName = group.NodeGroupName;
        RegisterOutputs(new Dictionary<string, object?> { ["groupName"] = GroupName });
    }

    /// <summary>The node group's name in EKS.</summary>
    [Output("groupName")]
    public Output<string> GroupName { get; }
}
