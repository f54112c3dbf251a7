using System.Text.Json;
using Platform.Stacks.Addons;
using Platform.Stacks.Clusters;
using Platform.Stacks.Model;
using Platform.Stacks.Rendering;

namespace Platform.Stacks.Tests;

/// <summary>The cluster layer's safety decisions, pinned in the plan where a reviewer sees them.</summary>
public class ClusterSafetyPlanTests
{
    private const string Deployer = "arn:aws:iam::123456789012:role/platform-deployer";
    private const string Admins = "arn:aws:iam::123456789012:role/platform-admins";

    private static PlatformPlan AwsProd() => Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

    private static string GkeCluster(string extra) =>
        "platform:cluster:\n  region: europe-west1\n  zones: [europe-west1-b, europe-west1-c, europe-west1-d]\n" + extra;

    private static string Aws(string clusterExtra, params string[] entries) => Stacks.Config(
        ["platform:cloud: aws", "platform:cluster:\n  region: eu-west-1\n  zones: [eu-west-1a, eu-west-1b, eu-west-1c]\n" + clusterExtra, .. entries]);

    [Fact]
    public void GkePrivateEndpointWithoutAuthorizedNetworksIsRejected() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, GkeCluster("  privateEndpoint: true")),
        "platform:cluster.authorizedNetworks: a private GKE endpoint needs at least one private range that may reach it (GKE refuses it otherwise), e.g. the VPC range or your VPN's range");

    [Fact]
    public void GkePrivateEndpointRefusesPublicAuthorizedNetworks() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, GkeCluster("  privateEndpoint: true\n  authorizedNetworks: [10.8.0.0/16, 203.0.113.0/24]")),
        "platform:cluster.authorizedNetworks[1]: '203.0.113.0/24' is public, and GKE refuses public networks for a private endpoint; use private ranges or set privateEndpoint: false");

    [Fact]
    public void GkePrivateEndpointWithAPrivateRangeIsPlannedWithoutGooglePublicRanges()
    {
        var gke = Stacks.Valid(Stacks.Config(Stacks.Project, Stacks.Gcp, GkeCluster("  privateEndpoint: true\n  authorizedNetworks: [10.8.0.0/16]"))).Cluster.Gke!;

        Assert.True(gke.PrivateEndpoint);
        Assert.Equal(["10.8.0.0/16"], gke.AuthorizedNetworks);
        Assert.False(gke.GcpPublicCidrsAccess);
    }

    [Fact]
    public void APublicEndpointOpenToEveryoneIsNeverADefault() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, GkeCluster(string.Empty)),
        "platform:cluster.authorizedNetworks: a public endpoint needs at least one CIDR that may reach the API server; list your networks, set privateEndpoint: true, or list 0.0.0.0/0 to open it to the internet on purpose");

    [Fact]
    public void AnEndpointOpenToTheInternetOutsideProdIsAllowedWhenWrittenOutButWarned()
    {
        var result = Stacks.Plan(Stacks.Config(Stacks.Project, Stacks.Gcp, GkeCluster("  authorizedNetworks: [0.0.0.0/0]")));

        Assert.True(result.Succeeded);
        Assert.Equal(
            ["platform:cluster.authorizedNetworks[0]: '0.0.0.0/0' opens the API server to the internet; list the networks that need it instead"],
            result.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void ProdRefusesAnEndpointOpenToTheInternet() => Stacks.Rejects(
        Stacks.Config("gcp:project: acme-platform-prod", Stacks.Gcp, GkeCluster("  authorizedNetworks: [0.0.0.0/0]")),
        "platform:cluster.authorizedNetworks[0]: '0.0.0.0/0' opens the prod API server to the internet; list the networks that need it or set privateEndpoint: true",
        "prod");

    [Fact]
    public void EksWithoutAdminsIsRejectedBecauseTheCreatorGetsNoImplicitAccess() => Stacks.Rejects(
        Aws("  authorizedNetworks: [203.0.113.0/24]"),
        "platform:cluster.admins: is required on aws: the cluster gives its creator no implicit access, so list at least the IAM role that runs pulumi up, e.g. [arn:aws:iam::123456789012:role/platform-deployer]");

    [Fact]
    public void EksPrivateEndpointRefusesAuthorizedNetworksItWouldIgnore() => Stacks.Rejects(
        Aws($"  privateEndpoint: true\n  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]"),
        "platform:cluster.authorizedNetworks: [203.0.113.0/24] are not used with privateEndpoint: true on aws (EKS's private endpoint is reached from inside the VPC); remove them or set privateEndpoint: false");

    [Fact]
    public void EksRefusesAPodDensityTheVpcCniWouldNotHonour() => Stacks.Rejects(
        Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]", "platform:network: { maxPodsPerNode: 110 }"),
        "platform:network.maxPodsPerNode: 110 is not used on aws: the VPC CNI sets pods per node by instance type (m6i.xlarge runs 58), and the plan uses that figure; remove it");

    [Fact]
    public void UnknownNetworkPolicyIsRejectedWithTheAllowedModes() => Stacks.Rejects(
        Stacks.GcpStaging().Replace("authorizedNetworks: [203.0.113.0/24]", "authorizedNetworks: [203.0.113.0/24]\n    networkPolicy: dataplanev2", StringComparison.Ordinal),
        "platform:cluster.networkPolicy: 'dataplanev2' is not allowed; did you mean 'dataplaneV2'? use calico or dataplaneV2 (fixed when the cluster is created)");

    [Fact]
    public void DataplaneV2ReplacesCalicoOnGke()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging().Replace("authorizedNetworks: [203.0.113.0/24]", "authorizedNetworks: [203.0.113.0/24]\n    networkPolicy: dataplaneV2", StringComparison.Ordinal));

        Assert.Equal(new GkeNetworkPolicyPlan("dataplaneV2", "ADVANCED_DATAPATH", CalicoEnabled: false, "PROVIDER_UNSPECIFIED"), plan.Cluster.Gke!.NetworkPolicy);
    }

    [Fact]
    public void NetworkPolicyIsAGkeSetting() => Stacks.Rejects(
        Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]\n  networkPolicy: calico"),
        "platform:cluster.networkPolicy: is only used when platform:cloud is gcp; this stack uses aws, so remove it");

    [Fact]
    public void AdminAccessEntriesAreNamedByADigestOfThePrincipalSoRemovingOneTouchesNoOther()
    {
        var both = Stacks.Valid(Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Admins}\", \"{Deployer}\"]")).Cluster.Eks!;
        var one = Stacks.Valid(Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]")).Cluster.Eks!;

        Assert.False(both.BootstrapCreatorAdmin);
        Assert.Equal([Admins, Deployer], both.Admins.Select(a => a.PrincipalArn));
        Assert.Equal(both.Admins.Single(a => a.PrincipalArn == Deployer), Assert.Single(one.Admins));
        Assert.Equal(ClusterPlanner.Digest(Deployer)[..8], one.Admins[0].Id);
    }

    [Fact]
    public void EksPlansAPinnedClusterAutoscalerThatDiscoversThisClustersGroups()
    {
        var autoscaler = AwsProd().Cluster.Eks!.Autoscaler;
        var values = autoscaler.Release.Values;

        Assert.Equal(new ChartRef("cluster-autoscaler", "https://kubernetes.github.io/autoscaler", "9.59.0"), autoscaler.Release.Chart);
        Assert.Equal("aws-prod", values["autoDiscovery"]!["clusterName"]!.GetValue<string>());
        Assert.Equal("eu-west-1", values["awsRegion"]!.GetValue<string>());
        Assert.Equal("v1.34.3", values["image"]!["tag"]!.GetValue<string>());
        Assert.Equal(autoscaler.Identity.ServiceAccount, values["rbac"]!["serviceAccount"]!["name"]!.GetValue<string>());
        Assert.Equal(autoscaler.Identity.Namespace, autoscaler.Release.Namespace);
        Assert.Equal(2, values["replicaCount"]!.GetValue<int>());
        Assert.Equal("system", values["nodeSelector"]!["platform/pool"]!.GetValue<string>());
    }

    [Fact]
    public void TheAutoscalerMayResizeOnlyTheGroupsOfItsOwnCluster()
    {
        using var policy = JsonDocument.Parse(AwsProd().Cluster.Eks!.Autoscaler.Identity.PolicyDocument);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);
        var resize = statements["ResizeOwnGroups"];

        Assert.Equal(
            ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
            resize.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("owned", resize.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:ResourceTag/k8s.io/cluster-autoscaler/aws-prod").GetString());
        Assert.All(statements["Describe"].GetProperty("Action").EnumerateArray(), a => Assert.Matches(":(Describe|Get)", a.GetString()!));
    }

    [Fact]
    public void GkeNeedsNoAutoscalerReleaseAndTheRenderWritesTheEksOne()
    {
        Assert.Empty(Planner.PlanStackFile(Repo.Root, "prod").Plan!.ClusterReleases);

        var files = Renderer.Render(AwsProd());
        Assert.Contains("autoDiscovery:\n  clusterName: aws-prod\n", files["helm/cluster-autoscaler.values.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void EksPodsPerNodeComeFromTheVpcCniLimitOfEachInstanceType()
    {
        var pools = AwsProd().NodePools.ToDictionary(p => p.Role);

        Assert.Equal(58, pools[NodePoolRole.System].MaxPodsPerNode);
        Assert.Equal(58, pools[NodePoolRole.General].MaxPodsPerNode);
        Assert.Equal(58, pools[NodePoolRole.General].AllocatablePerNode.Pods);
        Assert.Equal(234, Stacks.Valid(Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]", "platform:nodePools:\n  general: { machineType: m6i.4xlarge }"))
            .NodePools.Single(p => p.Role == NodePoolRole.General).MaxPodsPerNode);
    }

    [Fact]
    public void CapacityReachIsWhatEachAutoscalerCanReallyReach()
    {
        var plan = AwsProd();

        // aws-prod: per zone system 1-2, general 2-8, compute 0-6, stateful 1-3, over three zones; every type there
        // has 4 interfaces of 15 addresses, so the VPC CNI runs 4 × 14 + 2 = 58 pods a node.
        Assert.Equal([(3, 6), (6, 24), (0, 18), (3, 9)], plan.Capacity.Reach.Select(r => (r.MinNodes, r.MaxNodes)));
        Assert.All(plan.Capacity.Reach, r => Assert.Equal(58, r.PodsPerNode));
        Assert.All(plan.Capacity.Reach, r => Assert.Equal("cluster-autoscaler (Helm release)", r.ScaledBy));
        var daemonSetPods = plan.Addons.Sum(a => a.PerNode.Pods);
        Assert.Equal(plan.Capacity.Reach.Sum(r => r.MaxNodes * (r.PodsPerNode - daemonSetPods)), plan.Capacity.Available.Pods);
    }

    [Fact]
    public void EksSubnetsAreSizedForTheSamePodsPerNodeAsTheCapacityCheck() => Stacks.Rejects(
        Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]", "platform:network: { cidr: 10.40.0.0/22 }"),
        "platform:network.cidr: '10.40.0.0/22' is too small: each zone's private subnet would be a /24 (256 addresses) but 11 nodes, each with its instance type's pods plus itself (VPC CNI), + 5 reserved need 654; use a larger CIDR or lower maxNodes");

    [Fact]
    public void GravitonPoolsGetTheArmNodeImage()
    {
        var pool = Stacks.Valid(Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]", "platform:nodePools:\n  general: { machineType: m7g.2xlarge }"))
            .NodePools.Single(p => p.Role == NodePoolRole.General);

        Assert.Equal("AL2023_ARM_64_STANDARD", pool.Eks!.AmiType);
    }

    [Theory]
    [InlineData("{ machineType: m6i.4xlarge }", true)]
    [InlineData("{ minNodes: 2 }", true)]
    [InlineData("{ maxNodes: 9 }", false)]
    [InlineData("{ labels: { team: core } }", false)]
    public void EksReplacesANodeGroupOnlyForWhatEksCannotChangeInPlace(string general, bool renamed)
    {
        var before = Stacks.Valid(Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]")).NodePools.Single(p => p.Role == NodePoolRole.General);
        var after = Stacks.Valid(Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]", $"platform:nodePools:\n  general: {general}")).NodePools.Single(p => p.Role == NodePoolRole.General);

        Assert.Equal(before.ResourceName, after.ResourceName);
        Assert.Equal(renamed, before.Name != after.Name);
    }

    [Theory]
    [InlineData("{ machineType: n2-standard-8 }", true)]
    [InlineData("{ diskType: pd-ssd }", true)]
    [InlineData("{ minNodes: 2 }", false)]
    [InlineData("{ taints: [\"dedicated=web:NoSchedule\"] }", false)]
    public void GkeReplacesANodePoolOnlyForWhatGkeCannotChangeInPlace(string general, bool renamed)
    {
        var before = Stacks.Valid(Stacks.GcpStaging()).NodePools.Single(p => p.Role == NodePoolRole.General);
        var after = Stacks.Valid(Stacks.GcpStaging($"platform:nodePools:\n  general: {general}")).NodePools.Single(p => p.Role == NodePoolRole.General);

        Assert.Equal(renamed, before.Name != after.Name);
    }

    [Fact]
    public void PoolCloudNamesFitGkesFortyCharactersForTheLongestClusterName()
    {
        var name = new string('a', 40);
        var plan = Stacks.Valid(Stacks.GcpStaging().Replace("platform:cluster:", $"platform:cluster:\n    name: {name}", StringComparison.Ordinal));
        var pools = plan.NodePools;

        Assert.Equal(name, plan.Cluster.Name);
        Assert.All(pools, p => Assert.InRange(p.Name.Length, 1, 40));
        Assert.All(pools, p => Assert.StartsWith("aaaa", p.Name, StringComparison.Ordinal));
        Assert.Equal(pools.Count, pools.Select(p => p.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("dev-alice", true)]
    [InlineData("staging", false)]
    [InlineData("prod", false)]
    public void OnlyDevStacksTreatAnUnreachableClusterAsDeleted(string stack, bool deleteUnreachable)
    {
        var extra = stack == "dev-alice" ? ["platform:expiresAt: 2099-12-31"] : Array.Empty<string>();
        var config = Stacks.Config([stack == "prod" ? "gcp:project: acme-platform-prod" : Stacks.Project, Stacks.Gcp, Stacks.Cluster, .. extra]);

        Assert.Equal(deleteUnreachable, Stacks.Valid(config, stack).Cluster.DeleteUnreachable);
    }

    [Fact]
    public void BinaryAuthorizationIsEnforcedInProdOnly()
    {
        Assert.Equal("PROJECT_SINGLETON_POLICY_ENFORCE", Planner.PlanStackFile(Repo.Root, "prod").Plan!.Cluster.Gke!.BinaryAuthorization);
        Assert.Equal("DISABLED", Planner.PlanStackFile(Repo.Root, "staging").Plan!.Cluster.Gke!.BinaryAuthorization);
    }

    [Fact]
    public void TheSecretsKeyIsManagedByTheAdminsAndUsedOnlyByTheClusterRole()
    {
        var key = AwsProd().Cluster.Eks!.SecretsKey;
        using var policy = JsonDocument.Parse(IamPolicy.KmsKey(key.Administrators, "arn:aws:iam::123456789012:role/aws-prod-cluster", key.UserActions));
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);

        Assert.Equal([Admins, Deployer], key.Administrators);
        Assert.Equal(["Administrators", "ClusterUse"], statements.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(statements["Administrators"].GetProperty("Action").EnumerateArray(), a => a.GetString() is "kms:Decrypt" or "kms:Encrypt");
        Assert.Equal("arn:aws:iam::123456789012:role/aws-prod-cluster", statements["ClusterUse"].GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal(["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:ListGrants"], statements["ClusterUse"].GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(30, key.DeletionWindowDays);
    }

    [Fact]
    public void ControlPlaneLogsAreKeptLongerInProd()
    {
        var eks = AwsProd().Cluster.Eks!;

        Assert.Equal("/aws/eks/aws-prod/cluster", eks.LogGroupName);
        Assert.Equal(90, eks.LogRetentionDays);
        Assert.Equal(30, Stacks.Valid(Aws($"  authorizedNetworks: [203.0.113.0/24]\n  admins: [\"{Deployer}\"]")).Cluster.Eks!.LogRetentionDays);
    }
}
