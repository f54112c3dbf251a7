using Platform.Stacks.Clusters;
using Pulumi;
using Pulumi.Aws.Eks;
using Pulumi.Aws.Eks.Inputs;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Kms;
using K8s = Pulumi.Kubernetes;
using KmsAlias = Pulumi.Aws.Kms.Alias;

namespace Platform.Components.Aws;

/// <summary>
/// An EKS cluster: pinned version, endpoint access per plan, secrets envelope-encrypted with its own KMS key,
/// API authentication with access entries for admins, control-plane logging, an IAM OIDC provider for IRSA,
/// the node role, and a Kubernetes provider. Node groups are separate <see cref="EksNodeGroup"/> components.
/// </summary>
public sealed class EksCluster : ComponentResource
{
    /// <summary>Creates the cluster for the plan.</summary>
    public EksCluster(string name, EksClusterArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:EksCluster", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var protect = new CustomResourceOptions { Parent = this, Protect = args.Protect };
        var plain = new CustomResourceOptions { Parent = this };

        var key = new Key($"{name}-secrets", new KeyArgs
        {
            Description = $"Envelope encryption of Kubernetes secrets in {args.ClusterName}",
            EnableKeyRotation = true,
            DeletionWindowInDays = 30,
        }, protect);
        _ = new KmsAlias($"{name}-secrets", new AliasArgs { Name = plan.KmsKeyAlias, TargetKeyId = key.KeyId }, plain);

        var clusterRole = CreateRole($"{name}-cluster", plan.ClusterRoleName, IamPolicy.AssumeRoleByService("eks.amazonaws.com"), plan.ClusterPolicyArns, protect);
        var nodeRole = CreateRole($"{name}-nodes", plan.NodeRoleName, IamPolicy.AssumeRoleByService("ec2.amazonaws.com"), plan.NodePolicyArns, protect);

        var cluster = new Cluster($"{name}-cluster", new ClusterArgs
        {
            Name = args.ClusterName,
            Version = plan.Version,
            RoleArn = clusterRole.Arn,
            VpcConfig = new ClusterVpcConfigArgs
            {
                SubnetIds = args.PrivateSubnetIds,
                EndpointPrivateAccess = plan.EndpointPrivateAccess,
                EndpointPublicAccess = plan.EndpointPublicAccess,
                PublicAccessCidrs = plan.PublicAccessCidrs.ToList(),
            },
            EncryptionConfig = new ClusterEncryptionConfigArgs
            {
                Provider = new ClusterEncryptionConfigProviderArgs { KeyArn = key.Arn },
                Resources = { "secrets" },
            },
            AccessConfig = new ClusterAccessConfigArgs
            {
                AuthenticationMode = plan.AuthenticationMode,
                BootstrapClusterCreatorAdminPermissions = true,
            },
            EnabledClusterLogTypes = plan.LogTypes.ToList(),
            KubernetesNetworkConfig = new ClusterKubernetesNetworkConfigArgs { ServiceIpv4Cidr = plan.ServiceIpv4Cidr },
            DeletionProtection = plan.DeletionProtection,
        }, new CustomResourceOptions { Parent = this, Protect = args.Protect, DependsOn = { clusterRole } });

        for (var i = 0; i < plan.Admins.Count; i++)
        {
            var entry = new AccessEntry($"{name}-admin-{i}", new AccessEntryArgs
            {
                ClusterName = cluster.Name,
                PrincipalArn = plan.Admins[i],
            }, plain);
            _ = new AccessPolicyAssociation($"{name}-admin-{i}", new AccessPolicyAssociationArgs
            {
                ClusterName = cluster.Name,
                PrincipalArn = plan.Admins[i],
                PolicyArn = plan.AdminPolicyArn,
                AccessScope = new AccessPolicyAssociationAccessScopeArgs { Type = "cluster" },
            }, new CustomResourceOptions { Parent = this, DependsOn = { entry } });
        }

        var issuer = cluster.Identities.Apply(identities => identities[0].Oidcs[0].Issuer ?? string.Empty);
        var oidc = new OpenIdConnectProvider($"{name}-oidc", new OpenIdConnectProviderArgs
        {
            Url = issuer,
            ClientIdLists = { "sts.amazonaws.com" },
        }, plain);

        foreach (var addon in plan.Addons.Where(a => !a.NeedsNodes))
        {
            _ = new Addon($"{name}-{addon.Name}", new AddonArgs
            {
                ClusterName = cluster.Name,
                AddonName = addon.Name,
                AddonVersion = addon.Version,
                ResolveConflictsOnCreate = "OVERWRITE",
                ResolveConflictsOnUpdate = "OVERWRITE",
            }, plain);
        }

        var kubeconfig = Output.Tuple(cluster.Name, cluster.Endpoint, cluster.CertificateAuthority)
            .Apply(t => Kubeconfig.Eks(t.Item1, plan.Region, t.Item2, t.Item3.Data ?? string.Empty));

        ClusterName = cluster.Name;
        Endpoint = cluster.Endpoint;
        KubeconfigJson = Output.CreateSecret(kubeconfig);
        NodeRoleArn = nodeRole.Arn;
        OidcProviderArn = oidc.Arn;
        OidcIssuerUrl = issuer;
        Provider = new K8s.Provider($"{name}-provider", new K8s.ProviderArgs
        {
            KubeConfig = KubeconfigJson,
            EnableServerSideApply = true,
        }, plain);

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

    /// <summary>API server URL.</summary>
    [Output("endpoint")]
    public Output<string> Endpoint { get; }

    /// <summary>Kubeconfig using <c>aws eks get-token</c>; a secret output.</summary>
    [Output("kubeconfig")]
    public Output<string> KubeconfigJson { get; }

    /// <summary>Role the managed node groups assume.</summary>
    [Output("nodeRoleArn")]
    public Output<string> NodeRoleArn { get; }

    /// <summary>The IAM OIDC provider that IRSA roles trust.</summary>
    [Output("oidcProviderArn")]
    public Output<string> OidcProviderArn { get; }

    /// <summary>The cluster's OIDC issuer URL.</summary>
    public Output<string> OidcIssuerUrl { get; }

    /// <summary>Kubernetes provider for this cluster; add-ons receive it through their options.</summary>
    public K8s.Provider Provider { get; }

    private Role CreateRole(string resourceName, string roleName, string trustPolicy, IReadOnlyList<string> policies, CustomResourceOptions options)
    {
        var role = new Role(resourceName, new RoleArgs { Name = roleName, AssumeRolePolicy = trustPolicy }, options);
        foreach (var policy in policies)
        {
            _ = new RolePolicyAttachment($"{resourceName}-{policy.Split('/')[^1]}", new RolePolicyAttachmentArgs
            {
                Role = role.Name,
                PolicyArn = policy,
            }, new CustomResourceOptions { Parent = this });
        }

        return role;
    }
}
