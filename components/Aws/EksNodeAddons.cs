using Platform.Stacks.Clusters;
using Pulumi;
using Pulumi.Aws.Eks;
using Pulumi.Aws.Iam;

namespace Platform.Components.Aws;

/// <summary>
/// The core EKS add-ons whose pods need nodes (CoreDNS, the Pod Identity agent, the EBS CSI driver), with IRSA
/// roles where an add-on names a service account. Create it after the node groups by depending on them.
/// </summary>
public sealed class EksNodeAddons : ComponentResource
{
    /// <summary>Creates the add-ons.</summary>
    public EksNodeAddons(string name, EksNodeAddonsArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:EksNodeAddons", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plain = new CustomResourceOptions { Parent = this };
        foreach (var addon in args.Addons)
        {
            var addonArgs = new AddonArgs
            {
                ClusterName = args.ClusterName,
                AddonName = addon.Name,
                AddonVersion = addon.Version,
                ResolveConflictsOnCreate = args.ConflictResolution,
                ResolveConflictsOnUpdate = args.ConflictResolution,
            };
            if (addon.ServiceAccount is { } serviceAccount && addon.PolicyArn is { } policy)
            {
                var trust = Output.Tuple(args.OidcProviderArn, args.OidcIssuerUrl)
                    .Apply(t => IamPolicy.AssumeRoleByServiceAccount(t.Item1, t.Item2, serviceAccount));
                var role = new Role($"{name}-{addon.Name}", new RoleArgs { AssumeRolePolicy = trust }, plain);
                _ = new RolePolicyAttachment($"{name}-{addon.Name}", new RolePolicyAttachmentArgs
                {
                    Role = role.Name,
                    PolicyArn = policy,
                }, plain);
                addonArgs.ServiceAccountRoleArn = role.Arn;
            }

            _ = new Addon($"{name}-{addon.Name}", addonArgs, plain);
        }

        RegisterOutputs();
    }
}
