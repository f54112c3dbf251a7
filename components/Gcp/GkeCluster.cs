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
/// A regional GKE cluster with private nodes, Workload Identity, Calico network policy, shielded nodes and its
/// default node pool removed; plus the nodes' own service account and a Kubernetes provider for the cluster.
/// Node pools are separate <see cref="GkeNodePool"/> components.
/// </summary>
public sealed class GkeCluster : ComponentResource
{
    private const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>Creates the cluster for the plan.</summary>
    public GkeCluster(string name, GkeClusterArgs args, ComponentResourceOptions? options = null)
        : base("platform:gcp:GkeCluster", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Plan;
        var protect = new CustomResourceOptions { Parent = this, Protect = args.Protect };

        var nodeAccount = new Account($"{name}-nodes", new AccountArgs
        {
            AccountId = plan.NodeServiceAccount.AccountId,
            DisplayName = plan.NodeServiceAccount.DisplayName,
            Project = plan.Project,
        }, protect);
        foreach (var role in plan.NodeServiceAccount.Roles)
        {
            _ = new ProjectIamMember($"{name}-nodes-{role.Split('/')[^1]}", new ProjectIamMemberArgs
            {
                Project = plan.Project,
                Role = role,
                Member = nodeAccount.Member,
            }, new CustomResourceOptions { Parent = this });
        }

        var clusterArgs = new ClusterArgs
        {
            Name = args.ClusterName,
            Project = plan.Project,
            Location = plan.Location,
            NodeLocations = plan.NodeLocations.ToList(),
            RemoveDefaultNodePool = true,
            InitialNodeCount = 1,
            // The default pool lives only until removal, but never under the default compute account.
            NodeConfig = new ClusterNodeConfigArgs
            {
                ServiceAccount = nodeAccount.Email,
                OauthScopes = { CloudPlatformScope },
            },
            ReleaseChannel = new ClusterReleaseChannelArgs { Channel = plan.ReleaseChannel },
            Network = args.NetworkId,
            Subnetwork = args.SubnetId,
            NetworkingMode = "VPC_NATIVE",
            IpAllocationPolicy = new ClusterIpAllocationPolicyArgs
            {
                ClusterSecondaryRangeName = plan.PodsRangeName,
                ServicesSecondaryRangeName = plan.ServicesRangeName,
            },
            PrivateClusterConfig = new ClusterPrivateClusterConfigArgs
            {
                EnablePrivateNodes = true,
                EnablePrivateEndpoint = plan.PrivateEndpoint,
            },
            WorkloadIdentityConfig = new ClusterWorkloadIdentityConfigArgs { WorkloadPool = plan.WorkloadPool },
            DatapathProvider = plan.DatapathProvider,
            NetworkPolicy = new ClusterNetworkPolicyArgs { Enabled = true, Provider = plan.NetworkPolicyProvider },
            AddonsConfig = new ClusterAddonsConfigArgs
            {
                NetworkPolicyConfig = new ClusterAddonsConfigNetworkPolicyConfigArgs { Disabled = false },
            },
            EnableShieldedNodes = true,
            MaintenancePolicy = new ClusterMaintenancePolicyArgs
            {
                DailyMaintenanceWindow = new ClusterMaintenancePolicyDailyMaintenanceWindowArgs { StartTime = plan.MaintenanceStartTime },
            },
            DeletionProtection = plan.DeletionProtection,
        };
        if (plan.AuthorizedNetworks.Count > 0)
        {
            clusterArgs.MasterAuthorizedNetworksConfig = new ClusterMasterAuthorizedNetworksConfigArgs
            {
                CidrBlocks = plan.AuthorizedNetworks
                    .Select(cidr => new ClusterMasterAuthorizedNetworksConfigCidrBlockArgs { CidrBlock = cidr, DisplayName = cidr })
                    .ToList(),
            };
        }

        if (plan.MinMasterVersion is not null)
        {
            clusterArgs.MinMasterVersion = plan.MinMasterVersion;
        }

        if (plan.DatabaseEncryptionKey is not null)
        {
            clusterArgs.DatabaseEncryption = new ClusterDatabaseEncryptionArgs { State = "ENCRYPTED", KeyName = plan.DatabaseEncryptionKey };
        }

        var cluster = new Cluster($"{name}-cluster", clusterArgs, new CustomResourceOptions
        {
            Parent = this,
            Protect = args.Protect,
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
        WorkloadIdentityPool = Output.Create(plan.WorkloadPool);
        NodeServiceAccountEmail = nodeAccount.Email;
        Provider = new K8s.Provider($"{name}-provider", new K8s.ProviderArgs
        {
            KubeConfig = KubeconfigJson,
            EnableServerSideApply = true,
        }, new CustomResourceOptions { Parent = this });

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
