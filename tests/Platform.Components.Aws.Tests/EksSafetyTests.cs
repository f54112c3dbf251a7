using System.Text.Json;
using Platform.Stacks;
using Platform.Stacks.Model;
using Platform.Stacks.Tests;
using Platform.Tests.Pulumi;
using TestStacks = Platform.Stacks.Tests.Stacks;

namespace Platform.Components.Aws.Tests;

/// <summary>The review findings on the EKS layer, each pinned by what the program registers.</summary>
public class EksSafetyTests
{
    private const string ClusterType = "aws:eks/cluster:Cluster";
    private const string NodeGroupType = "aws:eks/nodeGroup:NodeGroup";

    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

    private static Task<EchoMocks> BuildAsync(PlatformPlan plan) => EchoMocks.BuildAsync(plan, p => EksPlatform.Create(p));

    private static PlatformPlan Staging(params string[] extra) =>
        TestStacks.Valid(TestStacks.Config(["platform:cloud: aws", TestStacks.AwsCluster, .. extra]));

    private static PlatformPlan StagingWithAdmins(params string[] admins) => TestStacks.Valid(TestStacks.Config(
        "platform:cloud: aws",
        "platform:cluster:\n  region: eu-west-1\n  zones: [eu-west-1a, eu-west-1b, eu-west-1c]\n  authorizedNetworks: [203.0.113.0/24]\n"
            + $"  admins: [{string.Join(", ", admins.Select(a => $"\"{a}\""))}]"));

    [Fact]
    public async Task TheClusterWaitsForItsRolePolicyAttachmentsAndItsLogGroup()
    {
        var mocks = await BuildAsync(Prod());

        var dependencies = await mocks.OptionsOf(ClusterType, "aws-prod-cluster").DependenciesAsync();
        Assert.Equal(
            [("aws:cloudwatch/logGroup:LogGroup", "aws-prod-logs"), ("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws-prod-cluster-AmazonEKSClusterPolicy")],
            dependencies.Order());
    }

    [Fact]
    public async Task NodeGroupsWaitForTheNodeRolesPolicyAttachments()
    {
        var plan = Prod();
        var mocks = await BuildAsync(plan);

        foreach (var pool in plan.NodePools)
        {
            var dependencies = await mocks.OptionsOf("platform:aws:EksNodeGroup", pool.ResourceName).DependenciesAsync();
            Assert.Equal(
                ["aws-prod-nodes-AmazonEC2ContainerRegistryReadOnly", "aws-prod-nodes-AmazonEKSWorkerNodePolicy", "aws-prod-nodes-AmazonEKS_CNI_Policy"],
                dependencies.Select(d => d.Name).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task TheCreatorGetsNoImplicitAdminAndEachAdminIsAnEntryNamedByItsDigest()
    {
        var plan = Prod();
        var mocks = await BuildAsync(plan);

        Assert.Equal(false, EchoMocks.Input(Assert.Single(mocks.OfType(ClusterType)), "accessConfig.bootstrapClusterCreatorAdminPermissions"));
        var entries = mocks.OfType("aws:eks/accessEntry:AccessEntry").ToDictionary(e => e.Name!, e => (string)EchoMocks.Input(e, "principalArn")!);
        Assert.Equal(plan.Cluster.Eks!.Admins.ToDictionary(a => $"aws-prod-admin-{a.Id}", a => a.PrincipalArn), entries);
    }

    [Fact]
    public async Task RemovingOneAdminKeepsTheOtherEntryUnderTheSameName()
    {
        const string Deployer = "arn:aws:iam::123456789012:role/platform-deployer";
        var both = await BuildAsync(StagingWithAdmins(Deployer, "arn:aws:iam::123456789012:role/platform-admins"));
        var one = await BuildAsync(Staging());

        var remaining = Assert.Single(one.OfType("aws:eks/accessEntry:AccessEntry"));
        Assert.Contains(both.OfType("aws:eks/accessEntry:AccessEntry"), e => e.Name == remaining.Name && (string?)EchoMocks.Input(e, "principalArn") == Deployer);
    }

    [Fact]
    public async Task TheKubernetesProviderWaitsForTheAdminsAccess()
    {
        var mocks = await BuildAsync(Prod());

        var dependencies = await mocks.OptionsOf("pulumi:providers:kubernetes", "aws-prod-provider").DependenciesAsync();
        Assert.Equal(2, dependencies.Count);
        Assert.All(dependencies, d => Assert.Equal("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", d.Type));
    }

    [Fact]
    public async Task NodeGroupsUseALaunchTemplateWithGp3AndImdsV2AtHopLimitOne()
    {
        var plan = Prod();
        var mocks = await BuildAsync(plan);
        var templates = mocks.OfType("aws:ec2/launchTemplate:LaunchTemplate");

        Assert.Equal(plan.NodePools.Count, templates.Count);
        Assert.All(templates, t =>
        {
            Assert.Equal("required", EchoMocks.Input(t, "metadataOptions.httpTokens"));
            Assert.Equal(1d, EchoMocks.Input(t, "metadataOptions.httpPutResponseHopLimit"));
            var disk = Assert.IsAssignableFrom<IDictionary<string, object>>(Assert.Single(Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(t, "blockDeviceMappings"))));
            var ebs = Assert.IsAssignableFrom<IDictionary<string, object>>(disk["ebs"]);
            Assert.Equal("gp3", ebs["volumeType"]);
            Assert.Equal("true", ebs["encrypted"]);
            Assert.Equal(100d, ebs["volumeSize"]);
        });
        Assert.All(mocks.OfType(NodeGroupType), g =>
        {
            Assert.Null(EchoMocks.Input(g, "diskSize"));
            Assert.NotNull(EchoMocks.Input(g, "launchTemplate.id"));
            Assert.Equal("AL2023_x86_64_STANDARD", EchoMocks.Input(g, "amiType"));
        });
    }

    [Fact]
    public async Task NodeGroupsRunTheClustersKubernetesVersion()
    {
        var plan = Prod();
        var mocks = await BuildAsync(plan);
        var groups = mocks.OfType(NodeGroupType);
        var clusterVersion = EchoMocks.Input(mocks.OfType(ClusterType).Single(), "version");

        Assert.Equal(plan.NodePools.Count, groups.Count);
        Assert.Equal("1.34", clusterVersion);
        Assert.All(groups, g => Assert.Equal(clusterVersion, EchoMocks.Input(g, "version")));
    }

    [Fact]
    public async Task NodeGroupsAreReplacedCreateBeforeDeleteAndLeaveTheDesiredSizeToTheAutoscaler()
    {
        var plan = Prod();
        var mocks = await BuildAsync(plan);

        foreach (var pool in plan.NodePools)
        {
            var options = mocks.OptionsOf(NodeGroupType, $"{pool.ResourceName}-group");
            Assert.False(options.DeleteBeforeReplace);
            Assert.Equal(["scalingConfig.desiredSize"], options.IgnoreChanges);
            Assert.False(options.Protect);
        }
    }

    [Fact]
    public async Task ProdProtectsTheNetworkClusterKeyAndOidcProviderButNotNodeGroupsEntriesOrTheProvider()
    {
        var mocks = await BuildAsync(Prod());
        bool Protected(string type) => mocks.Options.Any(o => o.Type == type) && mocks.Options.Where(o => o.Type == type).All(o => o.Protect);
        bool Unprotected(string type) => mocks.Options.Any(o => o.Type == type) && mocks.Options.Where(o => o.Type == type).All(o => !o.Protect);

        Assert.All(
            [ClusterType, "aws:kms/key:Key", "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet",
             "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip", "aws:ec2/internetGateway:InternetGateway", "aws:ec2/routeTable:RouteTable",
             "aws:cloudwatch/logGroup:LogGroup"],
            type => Assert.True(Protected(type), type));
        Assert.True(mocks.OptionsOf("aws:iam/role:Role", "aws-prod-cluster").Protect);
        Assert.True(mocks.OptionsOf("aws:iam/role:Role", "aws-prod-nodes").Protect);
        Assert.All(
            [NodeGroupType, "aws:ec2/launchTemplate:LaunchTemplate", "aws:eks/accessEntry:AccessEntry", "aws:eks/accessPolicyAssociation:AccessPolicyAssociation",
             "pulumi:providers:kubernetes", "aws:eks/addon:Addon", "kubernetes:helm.sh/v3:Release"],
            type => Assert.True(Unprotected(type), type));
    }

    [Fact]
    public async Task NothingIsProtectedOutsideProd()
    {
        var mocks = await BuildAsync(Staging());

        Assert.DoesNotContain(mocks.Options, o => o.Protect);
    }

    [Fact]
    public async Task TheSecretsKeyPolicyNamesTheAdminsAndTheClusterRole()
    {
        var plan = Prod();
        var key = Assert.Single((await BuildAsync(plan)).OfType("aws:kms/key:Key"));
        using var policy = JsonDocument.Parse((string)EchoMocks.Input(key, "policy")!);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);

        Assert.Equal(plan.Cluster.Eks!.SecretsKey.Administrators, statements["Administrators"].GetProperty("Principal").GetProperty("AWS").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("arn:aws:iam::123456789012:role/aws-prod-cluster", statements["ClusterUse"].GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.Equal(30d, EchoMocks.Input(key, "deletionWindowInDays"));
    }

    [Fact]
    public async Task ControlPlaneLogsGoToALogGroupWithTheProfilesRetention()
    {
        var group = Assert.Single((await BuildAsync(Prod())).OfType("aws:cloudwatch/logGroup:LogGroup"));

        Assert.Equal("/aws/eks/aws-prod/cluster", EchoMocks.Input(group, "name"));
        Assert.Equal(90d, EchoMocks.Input(group, "retentionInDays"));
    }

    [Fact]
    public async Task TheClusterAutoscalerIsInstalledWithThePlannedValuesThroughTheClustersProvider()
    {
        var plan = Prod();
        var mocks = await BuildAsync(plan);
        var release = Assert.Single(mocks.OfType("kubernetes:helm.sh/v3:Release"));
        var planned = plan.Cluster.Eks!.Autoscaler.Release;

        Assert.Equal("cluster-autoscaler", EchoMocks.Input(release, "chart"));
        Assert.Equal("9.59.0", EchoMocks.Input(release, "version"));
        Assert.Equal("https://kubernetes.github.io/autoscaler", EchoMocks.Input(release, "repositoryOpts.repo"));
        Assert.Equal("kube-system", EchoMocks.Input(release, "namespace"));
        Assert.Equal("aws-prod", EchoMocks.Input(release, "values.autoDiscovery.clusterName"));
        var handed = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(EchoMocks.Input(release, "values")));
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(planned.Values, handed), handed?.ToJsonString());
        Assert.Equal("aws-prod-provider", mocks.OptionsOf("platform:kubernetes:HelmAddon", "aws-prod-cluster-autoscaler").Provider);
    }

    [Fact]
    public async Task TheAutoscalerStartsOnlyAfterNodesThePodIdentityAgentAndItsRole()
    {
        var plan = Prod();
        var mocks = await BuildAsync(plan);

        var dependencies = await mocks.OptionsOf("platform:kubernetes:HelmAddon", "aws-prod-cluster-autoscaler").DependenciesAsync();
        Assert.Equal(
            [.. plan.NodePools.Select(p => ("platform:aws:EksNodeGroup", p.ResourceName)), ("platform:aws:EksNodeAddons", "aws-prod"), ("platform:aws:AddonIdentity", "aws-prod-cluster-autoscaler")],
            dependencies);
        Assert.Contains(mocks.OfType("aws:eks/addon:Addon"), a => (string?)EchoMocks.Input(a, "addonName") == "eks-pod-identity-agent");
    }

    [Fact]
    public async Task TheAutoscalersRoleIsHandedToItsServiceAccountThroughPodIdentity()
    {
        var mocks = await BuildAsync(Prod());
        var association = Assert.Single(mocks.OfType("aws:eks/podIdentityAssociation:PodIdentityAssociation"));
        var role = mocks.OfType("aws:iam/role:Role").Single(r => r.Name == "aws-prod-cluster-autoscaler-role");

        Assert.Equal("kube-system", EchoMocks.Input(association, "namespace"));
        Assert.Equal("cluster-autoscaler", EchoMocks.Input(association, "serviceAccount"));
        Assert.Equal("arn:aws:iam::123456789012:role/aws-prod-cluster-autoscaler-role", EchoMocks.Input(association, "roleArn"));
        Assert.Contains("pods.eks.amazonaws.com", (string)EchoMocks.Input(role, "assumeRolePolicy")!, StringComparison.Ordinal);
        var policy = Assert.Single(mocks.OfType("aws:iam/rolePolicy:RolePolicy"));
        Assert.Contains("k8s.io/cluster-autoscaler/aws-prod", (string)EchoMocks.Input(policy, "policy")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevStacksLetTheProviderForgetAnUnreachableCluster()
    {
        var dev = TestStacks.Valid(
            TestStacks.Config("platform:cloud: aws", "platform:expiresAt: 2099-12-31", TestStacks.AwsCluster.Replace("eu-west-1b, eu-west-1c", "eu-west-1b", StringComparison.Ordinal)),
            "dev-alice");

        var provider = (await BuildAsync(dev)).OfType("pulumi:providers:kubernetes").Single();
        Assert.Equal("true", EchoMocks.Input(provider, "deleteUnreachable"));
    }

    [Fact]
    public async Task EveryAwsResourceThatTakesTagsCarriesTheStacksLabels()
    {
        var mocks = await BuildAsync(Prod());
        var tagged = mocks.CustomResources.Where(r => r.Type!.StartsWith("aws:", StringComparison.Ordinal) && r.Inputs.ContainsKey("tags")).ToList();

        Assert.Contains(tagged, r => r.Type == ClusterType);
        Assert.Contains(tagged, r => r.Type == NodeGroupType);
        Assert.Contains(tagged, r => r.Type == "aws:ec2/vpc:Vpc");
        Assert.Contains(tagged, r => r.Type == "aws:iam/role:Role" && r.Name == "aws-prod-cluster-autoscaler-role");
        Assert.All(tagged, r =>
        {
            var tags = Assert.IsAssignableFrom<IDictionary<string, object>>(EchoMocks.Input(r, "tags"));
            Assert.Equal("aws-prod", tags["platform-stack"]);
            Assert.Equal("prod", tags["platform-environment"]);
        });
        var vpcTags = Assert.IsAssignableFrom<IDictionary<string, object>>(EchoMocks.Input(mocks.OfType("aws:ec2/vpc:Vpc").Single(), "tags"));
        Assert.Equal("aws-prod-vpc", vpcTags["Name"]);
    }
}
