using System.Text.Json;
using Platform.Stacks.Clusters;

namespace Platform.Stacks.Tests;

public class ClusterPlanningTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan AwsProd() => Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

    [Fact]
    public void ProdGkeIsRegionalOverThreeZonesAndProtected()
    {
        var plan = Prod();
        var gke = plan.Cluster.Gke!;

        Assert.True(plan.Cluster.Protect);
        Assert.True(gke.DeletionProtection);
        Assert.Equal("europe-west1", gke.Location);
        Assert.Equal(["europe-west1-b", "europe-west1-c", "europe-west1-d"], gke.NodeLocations);
        Assert.Null(plan.Cluster.Eks);
        Assert.Null(plan.Cluster.Existing);
    }

    [Fact]
    public void GkeUsesWorkloadIdentityCalicoPolicyOnDataplaneV1AndTheCarvedRanges()
    {
        var plan = Prod();
        var gke = plan.Cluster.Gke!;

        Assert.Equal("acme-platform-prod.svc.id.goog", gke.WorkloadPool);
        Assert.Equal(new GkeNetworkPolicyPlan("calico", "LEGACY_DATAPATH", CalicoEnabled: true, "CALICO"), gke.NetworkPolicy);
        Assert.Equal("prod-pods", gke.PodsRangeName);
        Assert.Equal("10.20.0.0/17", gke.PodsCidr);
        Assert.Equal("prod-services", gke.ServicesRangeName);
        Assert.Equal("10.20.144.0/24", gke.NodesCidr);
        Assert.Equal(["203.0.113.0/24"], gke.AuthorizedNetworks);
        Assert.Equal("02:00", gke.MaintenanceStartTime);
    }

    [Fact]
    public void GkeNodesRunAsADedicatedLeastPrivilegeServiceAccount()
    {
        var account = Prod().Cluster.Gke!.NodeServiceAccount;

        Assert.Equal("prod-nodes", account.AccountId);
        Assert.Equal(["roles/artifactregistry.reader", "roles/container.defaultNodeServiceAccount"], account.Roles);
        Assert.DoesNotContain(account.Roles, r => r is "roles/editor" or "roles/owner");
    }

    [Theory]
    [InlineData("prod", "prod-nodes")]
    [InlineData("a-very-long-cluster-name-for-tests", "a-very-long-cluster-48cb-nodes")]
    public void ServiceAccountIdsFitThirtyCharactersAndStayUnique(string cluster, string expected)
    {
        var id = ClusterPlanner.ServiceAccountId(cluster, "nodes");

        Assert.Equal(expected, id);
        Assert.InRange(id.Length, 6, 30);
        Assert.NotEqual(id, ClusterPlanner.ServiceAccountId(cluster + "x", "nodes"));
    }

    [Fact]
    public void StagingIsNotProtected()
    {
        var plan = Planner.PlanStackFile(Repo.Root, "staging").Plan!;

        Assert.False(plan.Cluster.Protect);
        Assert.False(plan.Cluster.Gke!.DeletionProtection);
    }

    [Fact]
    public void EksPinsItsVersionAndCoreAddonsAndUsesAccessEntries()
    {
        var eks = AwsProd().Cluster.Eks!;

        Assert.Equal("1.34", eks.Version);
        Assert.Equal("API", eks.AuthenticationMode);
        Assert.Equal(["aws-ebs-csi-driver", "coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"], eks.Addons.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.All(eks.Addons, a => Assert.Matches("^v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+$", a.Version));
        Assert.Equal("alias/aws-prod-secrets", eks.SecretsKey.Alias);
        Assert.Equal(5, eks.LogTypes.Count);
    }

    [Fact]
    public void EksPublicEndpointIsRestrictedToTheAuthorizedNetworks()
    {
        var eks = AwsProd().Cluster.Eks!;

        Assert.True(eks.EndpointPrivateAccess);
        Assert.True(eks.EndpointPublicAccess);
        Assert.Equal(["203.0.113.0/24"], eks.PublicAccessCidrs);
    }

    [Fact]
    public void EksPrivateEndpointHasNoPublicAccess()
    {
        var plan = Stacks.Valid(Stacks.Config(
            "platform:cloud: aws",
            "platform:cluster:\n  region: eu-west-1\n  zones: [eu-west-1a, eu-west-1b]\n  privateEndpoint: true\n  admins: [\"arn:aws:iam::123456789012:role/platform-admins\"]"));
        var eks = plan.Cluster.Eks!;

        Assert.False(eks.EndpointPublicAccess);
        Assert.Empty(eks.PublicAccessCidrs);
        Assert.Equal(["arn:aws:iam::123456789012:role/platform-admins"], eks.Admins.Select(a => a.PrincipalArn));
    }

    [Fact]
    public void ExistingClusterPlansOnlyTheConnection()
    {
        var plan = Planner.PlanStackFile(Repo.Examples, "local").Plan!;

        Assert.Equal(new ExistingClusterPlan("kind-platform", null), plan.Cluster.Existing);
        Assert.False(plan.Cluster.Protect);
        Assert.Null(plan.Cluster.Gke);
        Assert.Null(plan.Cluster.Eks);
    }

    [Fact]
    public void NodePoolUpgradesSurgeOneNodeAndKeepGkeCapacity()
    {
        Assert.All(Prod().NodePools, p => Assert.Equal((1, 0), (p.MaxSurge, p.MaxUnavailable)));
        Assert.All(AwsProd().NodePools, p => Assert.Equal((1, 1), (p.MaxSurge, p.MaxUnavailable)));
    }

    [Fact]
    public void TaintsUseTheCloudApiEffectNames() =>
        Assert.Equal(["NO_SCHEDULE"], Prod().NodePools.Single(p => p.Role == Model.NodePoolRole.System).Taints.Select(t => t.ApiEffect));

    [Fact]
    public void GkeKubeconfigAuthenticatesThroughTheGcloudPlugin()
    {
        using var document = JsonDocument.Parse(Kubeconfig.Gke("prod", "34.1.2.3", "Q0E="));
        var root = document.RootElement;
        var exec = root.GetProperty("users")[0].GetProperty("user").GetProperty("exec");

        Assert.Equal("https://34.1.2.3", root.GetProperty("clusters")[0].GetProperty("cluster").GetProperty("server").GetString());
        Assert.Equal("Q0E=", root.GetProperty("clusters")[0].GetProperty("cluster").GetProperty("certificate-authority-data").GetString());
        Assert.Equal("gke-gcloud-auth-plugin", exec.GetProperty("command").GetString());
        Assert.True(exec.GetProperty("provideClusterInfo").GetBoolean());
        Assert.Equal("prod", root.GetProperty("current-context").GetString());
    }

    [Fact]
    public void EksKubeconfigAuthenticatesThroughAwsEksGetToken()
    {
        using var document = JsonDocument.Parse(Kubeconfig.Eks("aws-prod", "eu-west-1", "https://ABC.gr7.eu-west-1.eks.amazonaws.com", "Q0E="));
        var exec = document.RootElement.GetProperty("users")[0].GetProperty("user").GetProperty("exec");

        Assert.Equal("aws", exec.GetProperty("command").GetString());
        Assert.Equal(
            ["eks", "get-token", "--cluster-name", "aws-prod", "--region", "eu-west-1", "--output", "json"],
            exec.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void EksSubnetTagsLetLoadBalancersFindThem()
    {
        var eks = AwsProd().Cluster.Eks!;

        Assert.Equal("1", eks.PublicSubnetTags["kubernetes.io/role/elb"]);
        Assert.Equal("1", eks.PrivateSubnetTags["kubernetes.io/role/internal-elb"]);
        Assert.Equal("shared", eks.PublicSubnetTags["kubernetes.io/cluster/aws-prod"]);
    }

    [Fact]
    public void EksNodesGetOnlyJoinCniAndImagePullPolicies() => Assert.Equal(
        ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"],
        AwsProd().Cluster.Eks!.NodePolicyArns.Select(a => a.Split('/')[^1]));

    [Fact]
    public void IrsaTrustPolicyNamesOneServiceAccountThroughTheClusterIssuer()
    {
        using var document = JsonDocument.Parse(IamPolicy.AssumeRoleByServiceAccount(
            "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC",
            "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC",
            "kube-system/ebs-csi-controller-sa"));
        var statement = document.RootElement.GetProperty("Statement")[0];
        var conditions = statement.GetProperty("Condition").GetProperty("StringEquals");

        Assert.Equal("sts:AssumeRoleWithWebIdentity", statement.GetProperty("Action").GetString());
        Assert.Equal("system:serviceaccount:kube-system:ebs-csi-controller-sa", conditions.GetProperty("oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub").GetString());
        Assert.Equal("sts.amazonaws.com", conditions.GetProperty("oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud").GetString());
    }
}
