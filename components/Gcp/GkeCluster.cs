using Platform.Stacks.Clusters;
using Pulumi;
using Pulumi.Gcp.Container;
using Pulumi.Gcp.Container.Inputs;
using Pulumi.Gcp.ServiceAccount;
using K8s = Pulumi.Kubernetes;
using ProjectIamMember = Pulumi.Gcp.Projects.IAMMember;
using ProjectIamMemberArgs = Pulumi.Gcp.Projects.IAMMemberArgs;

namespace Platform.Components.Gcp;

/// <summary>
/// A regional GKE cluster with private nodes behind authorized networks, Workload Identity, Calico network policy
/// or Dataplane V2, shielded nodes, optional Binary Authorization and its default node pool removed; plus the
/// nodes' own service account and a Kubernetes provider for the cluster. Node pools are separate
/// <see cref="GkeNodePool"/> components beside it. Pass <c>Protect = true</c> in the options to protect the cluster
/// and its node identity; the provider is never protected.
/// </summary>
public sealed class GkeCluster : ComponentResource
{
    /// <summary>Creates the cluster.</summary>
    public GkeCluster(string name, GkeClusterArgs args, ComponentResourceOptions? options = null)
        : base("platform:gcp:GkeCluster", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var child = new CustomResourceOptions { Parent = this };

        var nodeAccount = new Account($"{name}-nodes", new AccountArgs
        {
            AccountId = args.NodeServiceAccountId,
            DisplayName = args.NodeServiceAccountName,
            Project = args.Project,
        }, child);
        foreach (var role in args.NodeServiceAccountRoles)
        {
            _ = new ProjectIamMember($"{name}-nodes-{role.Split('/')[^1]}", new ProjectIamMemberArgs
            {
                Project = args.Project,
                Role = role,
                Member = nodeAccount.Member,
            }, child);
        }

        var clusterArgs = new ClusterArgs
        {
            Name = args.ClusterName,
            Project = args.Project,
            Location = args.Location,
            NodeLocations = args.NodeLocations,
            RemoveDefaultNodePool = true,
            InitialNodeCount = args.DefaultPoolNodeCount,
            // The default pool lives only until removal, but never under the default compute account.
            NodeConfig = new ClusterNodeConfigArgs
            {
                ServiceAccount = nodeAccount.Email,
                OauthScopes = args.DefaultPoolOauthScopes,
            },
            ReleaseChannel = new ClusterReleaseChannelArgs { Channel = args.ReleaseChannel },
            MinMasterVersion = args.MinMasterVersion!,
            Network = args.NetworkId,
            Subnetwork = args.SubnetId,
            NetworkingMode = "VPC_NATIVE",
            IpAllocationPolicy = new ClusterIpAllocationPolicyArgs
            {
                ClusterSecondaryRangeName = args.PodsRangeName,
                ServicesSecondaryRangeName = args.ServicesRangeName,
            },
            PrivateClusterConfig = new ClusterPrivateClusterConfigArgs
            {
                EnablePrivateNodes = true,
                EnablePrivateEndpoint = args.PrivateEndpoint,
            },
            MasterAuthorizedNetworksConfig = new ClusterMasterAuthorizedNetworksConfigArgs
            {
                CidrBlocks = args.AuthorizedNetworks.Apply(cidrs => cidrs
                    .Select(cidr => new ClusterMasterAuthorizedNetworksConfigCidrBlockArgs { CidrBlock = cidr, DisplayName = cidr })
                    .ToList()),
                GcpPublicCidrsAccessEnabled = args.GcpPublicCidrsAccess,
            },
            WorkloadIdentityConfig = new ClusterWorkloadIdentityConfigArgs { WorkloadPool = args.WorkloadPool },
            DatapathProvider = args.DatapathProvider,
            NetworkPolicy = new ClusterNetworkPolicyArgs
            {
                Enabled = args.CalicoNetworkPolicy,
                Provider = args.NetworkPolicyProvider,
            },
            AddonsConfig = new ClusterAddonsConfigArgs
            {
                NetworkPolicyConfig = new ClusterAddonsConfigNetworkPolicyConfigArgs { Disabled = args.CalicoNetworkPolicy.Apply(on => !on) },
            },
            BinaryAuthorization = new ClusterBinaryAuthorizationArgs { EvaluationMode = args.BinaryAuthorization },
            EnableShieldedNodes = args.ShieldedNodes,
            MaintenancePolicy = new ClusterMaintenancePolicyArgs
            {
                DailyMaintenanceWindow = new ClusterMaintenancePolicyDailyMaintenanceWindowArgs { StartTime = args.MaintenanceStartTime },
            },
            DeletionProtection = args.DeletionProtection,
        };
        if (args.DatabaseEncryptionKey is not null)
        {
            clusterArgs.DatabaseEncryption = new ClusterDatabaseEncryptionArgs { State = "ENCRYPTED", KeyName = args.DatabaseEncryptionKey };
        }

        var cluster = new Cluster($"{name}-cluster", clusterArgs, new CustomResourceOptions
        {
            Parent = this,
            // The removed default pool's settings must not force a new cluster when they drift.
            IgnoreChanges = { "nodeConfig", "initialNodeCount" },
        });

        var kubeconfig = Output.Tuple(cluster.Name, cluster.Endpoint, cluster.MasterAuth)
            .Apply(t => Kubeconfig.Gke(t.Item1, t.Item2, t.Item3.ClusterCaCertificate ?? string.Empty));

        ClusterId = cluster.Id;
        ClusterName = cluster.Name;
        Endpoint = cluster.Endpoint;
        Location = cluster.Location;
        KubeconfigJson = Output.CreateSecret(kubeconfig);
        WorkloadIdentityPool = args.WorkloadPool.Apply(pool => pool);
        NodeServiceAccountEmail = nodeAccount.Email;
        Provider = new K8s.Provider($"{name}-provider", new K8s.ProviderArgs
        {
            KubeConfig = KubeconfigJson,
            EnableServerSideApply = true,
            DeleteUnreachable = args.DeleteUnreachable,
        }, new CustomResourceOptions { Parent = this, Protect = false });

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clusterName"] = ClusterName,
            ["endpoint"] = Endpoint,
            ["location"] = Location,
            ["kubeconfig"] = KubeconfigJson,
            ["workloadIdentityPool"] = WorkloadIdentityPool,
            ["nodeServiceAccountEmail"] = NodeServiceAccountEmail,
        });
    }

    /// <summary>Full cluster id, <c>projects/…/locations/…/clusters/…</c>, which node pools attach to.</summary>
    public Output<string> ClusterId { get; }

    /// <summary>Cluster name.</summary>
    [Output("clusterName")]
    public Output<string> ClusterName { get; }

    /// <summary>API server endpoint (IP or host).</summary>
    [Output("endpoint")]
    public Output<string> Endpoint { get; }

    /// <summary>Region of the cluster.</summary>
    [Output("location")]
    public Output<string> Location { get; }

    /// <summary>Kubeconfig using gke-gcloud-auth-plugin; a secret output.</summary>
    [Output("kubeconfig")]
    public Output<string> KubeconfigJson { get; }

    /// <summary>Workload Identity pool, <c>&lt;project&gt;.svc.id.goog</c>.</summary>
    [Output("workloadIdentityPool")]
    public Output<string> WorkloadIdentityPool { get; }

    /// <summary>E-mail of the nodes' service account.</summary>
    [Output("nodeServiceAccountEmail")]
    public Output<string> NodeServiceAccountEmail { get; }

    /// <summary>Kubernetes provider for this cluster; add-ons receive it through their options.</summary>
    public K8s.Provider Provider { get; }
}
