using Platform.Stacks.Clusters;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Eks;
using Pulumi.Aws.Eks.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Kms;
using K8s = Pulumi.Kubernetes;
using KmsAlias = Pulumi.Aws.Kms.Alias;

namespace Platform.Components.Aws;

/// <summary>
/// An EKS cluster: pinned version, endpoint access per the args, secrets envelope-encrypted with its own KMS key
/// (administered by the admins, used only by the cluster role), API authentication with an explicit access entry per
/// admin and no implicit creator access, control-plane logs into a log group it creates first, an IAM OIDC provider,
/// the node role, and a Kubernetes provider that waits for the admins' access. The cluster waits for its role's policy
/// attachments, so on destroy those outlive it and EKS can clean up its network interfaces. Node groups are separate
/// <see cref="EksNodeGroup"/> components beside it; they must depend on <see cref="NodeRoleAttachments"/>.
/// </summary>
public sealed class EksCluster : ComponentResource
{
    /// <summary>Creates the cluster.</summary>
    public EksCluster(string name, EksClusterArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:EksCluster", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var child = new CustomResourceOptions { Parent = this };
        var replaceable = new CustomResourceOptions { Parent = this, Protect = false };

        var (clusterRole, clusterAttachments) = CreateRole($"{name}-cluster", args.ClusterRoleName, IamPolicy.AssumeRoleByService("eks.amazonaws.com"), args.ClusterPolicyArns);
        var (nodeRole, nodeAttachments) = CreateRole($"{name}-nodes", args.NodeRoleName, IamPolicy.AssumeRoleByService("ec2.amazonaws.com"), args.NodePolicyArns);

        var keyArn = args.ExistingKeyArn ?? CreateKey(name, args, clusterRole.Arn, replaceable);

        var logs = new LogGroup($"{name}-logs", new LogGroupArgs
        {
            Name = args.LogGroupName,
            RetentionInDays = args.LogRetentionDays,
        }, child);

        var cluster = new Cluster($"{name}-cluster", new ClusterArgs
        {
            Name = args.ClusterName,
            Version = args.Version,
            RoleArn = clusterRole.Arn,
            VpcConfig = new ClusterVpcConfigArgs
            {
                SubnetIds = args.SubnetIds,
                EndpointPrivateAccess = args.EndpointPrivateAccess,
                EndpointPublicAccess = args.EndpointPublicAccess,
                PublicAccessCidrs = args.PublicAccessCidrs,
            },
            EncryptionConfig = new ClusterEncryptionConfigArgs
            {
                Provider = new ClusterEncryptionConfigProviderArgs { KeyArn = keyArn },
                Resources = { "secrets" },
            },
            AccessConfig = new ClusterAccessConfigArgs
            {
                AuthenticationMode = args.AuthenticationMode,
                BootstrapClusterCreatorAdminPermissions = args.BootstrapCreatorAdmin,
            },
            EnabledClusterLogTypes = args.LogTypes,
            KubernetesNetworkConfig = new ClusterKubernetesNetworkConfigArgs { ServiceIpv4Cidr = args.ServiceIpv4Cidr },
            DeletionProtection = args.DeletionProtection,
        }, new CustomResourceOptions { Parent = this, DependsOn = [.. clusterAttachments, logs] });

        var access = new List<Resource>();
        foreach (var (id, principal) in args.Admins.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var entry = new AccessEntry($"{name}-admin-{id}", new AccessEntryArgs
            {
                ClusterName = cluster.Name,
                PrincipalArn = principal,
            }, replaceable);
            access.Add(new AccessPolicyAssociation($"{name}-admin-{id}", new AccessPolicyAssociationArgs
            {
                ClusterName = cluster.Name,
                PrincipalArn = principal,
                PolicyArn = args.AdminPolicyArn,
                AccessScope = new AccessPolicyAssociationAccessScopeArgs { Type = "cluster" },
            }, new CustomResourceOptions { Parent = this, Protect = false, DependsOn = { entry } }));
        }

        var issuer = cluster.Identities.Apply(identities => identities[0].Oidcs[0].Issuer ?? string.Empty);
        var oidc = new OpenIdConnectProvider($"{name}-oidc", new OpenIdConnectProviderArgs
        {
            Url = issuer,
            ClientIdLists = { "sts.amazonaws.com" },
        }, child);

        foreach (var (addon, version) in args.Addons.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            _ = new Addon($"{name}-{addon}", new AddonArgs
            {
                ClusterName = cluster.Name,
                AddonName = addon,
                AddonVersion = version,
                ResolveConflictsOnCreate = args.AddonConflictResolution,
                ResolveConflictsOnUpdate = args.AddonConflictResolution,
            }, replaceable);
        }

        var region = args.Region;
        var kubeconfig = Output.Tuple(cluster.Name, cluster.Endpoint, cluster.CertificateAuthority)
            .Apply(t => Kubeconfig.Eks(t.Item1, region, t.Item2, t.Item3.Data ?? string.Empty));

        ClusterName = cluster.Name;
        Version = cluster.Version;
        Endpoint = cluster.Endpoint;
        KubeconfigJson = Output.CreateSecret(kubeconfig);
        NodeRoleArn = nodeRole.Arn;
        NodeRoleAttachments = nodeAttachments;
        OidcProviderArn = oidc.Arn;
        OidcIssuerUrl = issuer;
        AdminAccess = access;
        // Every Kubernetes object waits, through this provider, until the admins (the deployer among them) may reach the API.
        Provider = new K8s.Provider($"{name}-provider", new K8s.ProviderArgs
        {
            KubeConfig = KubeconfigJson,
            EnableServerSideApply = true,
            DeleteUnreachable = args.DeleteUnreachable,
        }, new CustomResourceOptions { Parent = this, Protect = false, DependsOn = [.. access] });

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clusterName"] = ClusterName,
            ["endpoint"] = Endpoint,
            ["kubeconfig"] = KubeconfigJson,
            ["nodeRoleArn"] = NodeRoleArn,
            ["oidcProviderArn"] = OidcProviderArn,
        });
    }

    /// <summary>Cluster name.</summary>
    [Output("clusterName")]
    public Output<string> ClusterName { get; }

    /// <summary>The control plane's Kubernetes version; node groups follow it.</summary>
    public Output<string> Version { get; }

    /// <summary>API server URL.</summary>
    [Output("endpoint")]
    public Output<string> Endpoint { get; }

    /// <summary>Kubeconfig using <c>aws eks get-token</c>; a secret output.</summary>
    [Output("kubeconfig")]
    public Output<string> KubeconfigJson { get; }

    /// <summary>Role the managed node groups assume.</summary>
    [Output("nodeRoleArn")]
    public Output<string> NodeRoleArn { get; }

    /// <summary>The node role's policy attachments. Node groups depend on them, so nodes can join and are removed before them.</summary>
    public IReadOnlyList<Resource> NodeRoleAttachments { get; }

    /// <summary>The admins' access policy associations, which the Kubernetes provider waits for.</summary>
    public IReadOnlyList<Resource> AdminAccess { get; }

    /// <summary>The IAM OIDC provider that IRSA roles trust.</summary>
    [Output("oidcProviderArn")]
    public Output<string> OidcProviderArn { get; }

    /// <summary>The cluster's OIDC issuer URL.</summary>
    public Output<string> OidcIssuerUrl { get; }

    /// <summary>Kubernetes provider for this cluster; add-ons receive it through their options.</summary>
    public K8s.Provider Provider { get; }

    private Output<string> CreateKey(string name, EksClusterArgs args, Output<string> clusterRoleArn, CustomResourceOptions aliasOptions)
    {
        var key = new Key($"{name}-secrets", new KeyArgs
        {
            Description = $"Envelope encryption of Kubernetes secrets in {args.ClusterName}",
            EnableKeyRotation = args.KeyRotation,
            DeletionWindowInDays = args.KeyDeletionWindowDays,
            Policy = clusterRoleArn.Apply(arn => IamPolicy.KmsKey(args.KeyAdministrators, arn, args.KeyUserActions)),
        }, new CustomResourceOptions { Parent = this });
        _ = new KmsAlias($"{name}-secrets", new AliasArgs { Name = args.KeyAlias, TargetKeyId = key.KeyId }, aliasOptions);
        return key.Arn;
    }

    private (Role Role, IReadOnlyList<Resource> Attachments) CreateRole(string resourceName, Input<string> roleName, string trustPolicy, IReadOnlyList<string> policies)
    {
        var role = new Role(resourceName, new RoleArgs { Name = roleName, AssumeRolePolicy = trustPolicy }, new CustomResourceOptions { Parent = this });
        var attachments = policies.Select(policy => (Resource)new RolePolicyAttachment($"{resourceName}-{policy.Split('/')[^1]}", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = policy,
        }, new CustomResourceOptions { Parent = this })).ToList();
        return (role, attachments);
    }
}
