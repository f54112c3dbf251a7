using Platform.Stacks;
using Platform.Stacks.Model;
using Platform.Stacks.Planning;
using Platform.Stacks.Tests;
using Platform.Tests.Pulumi;
using TestStacks = Platform.Stacks.Tests.Stacks;

namespace Platform.Components.Aws.Tests;

public class EksComponentTests
{
    private static PlatformPlan Plan(string stack) => Planner.PlanStackFile(Repo.Examples, stack).Plan!;

    /// <summary>Builds the EKS components for a plan, the way the program wires them.</summary>
    private static Task<EchoMocks> BuildAsync(PlatformPlan plan) => EchoMocks.BuildAsync(plan, p => EksPlatform.Create(p));

    private static Task<EchoMocks> ProdAsync() => BuildAsync(Plan("aws-prod"));

    private static PlatformPlan Staging() => TestStacks.Valid(TestStacks.Config("platform:cloud: aws", TestStacks.AwsCluster));

    private static NodePoolPlan Pool(PlatformPlan plan, NodePoolRole role) => plan.NodePools.Single(p => p.Role == role);

    [Fact]
    public async Task SubnetsSpanThreeAvailabilityZonesWithDiscoveryTags()
    {
        var subnets = (await ProdAsync()).OfType("aws:ec2/subnet:Subnet");

        Assert.Equal(6, subnets.Count);
        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], subnets.Select(s => (string)EchoMocks.Input(s, "availabilityZone")!).Distinct().Order(StringComparer.Ordinal));
        var privateSubnet = subnets.First(s => Equals(EchoMocks.Input(s, "mapPublicIpOnLaunch"), false));
        var privateTags = Assert.IsAssignableFrom<IDictionary<string, object>>(EchoMocks.Input(privateSubnet, "tags"));
        Assert.Equal("1", privateTags["kubernetes.io/role/internal-elb"]);
        Assert.Equal("shared", privateTags["kubernetes.io/cluster/aws-prod"]);
        var publicSubnet = subnets.First(s => Equals(EchoMocks.Input(s, "mapPublicIpOnLaunch"), true));
        Assert.Equal("1", Assert.IsAssignableFrom<IDictionary<string, object>>(EchoMocks.Input(publicSubnet, "tags"))["kubernetes.io/role/elb"]);
    }

    [Fact]
    public async Task ProdHasANatGatewayPerZoneAndOthersShareOne()
    {
        Assert.Equal(3, (await ProdAsync()).OfType("aws:ec2/natGateway:NatGateway").Count);

        var staging = Staging();
        Assert.Single((await BuildAsync(staging)).OfType("aws:ec2/natGateway:NatGateway"));
    }

    [Fact]
    public async Task NodeGroupsRunOnlyInPrivateSubnets()
    {
        var mocks = await ProdAsync();
        var privateIds = mocks.OfType("aws:ec2/subnet:Subnet")
            .Where(s => Equals(EchoMocks.Input(s, "mapPublicIpOnLaunch"), false))
            .Select(s => $"{s.Name}-id")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(3, privateIds.Count);
        Assert.All(mocks.OfType("aws:eks/nodeGroup:NodeGroup"), group =>
            Assert.Equal(privateIds, Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(group, "subnetIds")).Cast<string>().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task SecretsAreEnvelopeEncryptedWithTheClustersOwnRotatingKey()
    {
        var mocks = await ProdAsync();
        var cluster = Assert.Single(mocks.OfType("aws:eks/cluster:Cluster"));
        var key = Assert.Single(mocks.OfType("aws:kms/key:Key"));

        Assert.Equal(true, EchoMocks.Input(key, "enableKeyRotation"));
        Assert.Equal(["secrets"], Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(cluster, "encryptionConfig.resources")));
        Assert.Equal($"arn:aws:iam::123456789012:key/{key.Name}", EchoMocks.Input(cluster, "encryptionConfig.provider.keyArn"));
    }

    [Fact]
    public async Task ClusterPinsItsVersionUsesAccessEntriesAndRestrictsThePublicEndpoint()
    {
        var cluster = Assert.Single((await ProdAsync()).OfType("aws:eks/cluster:Cluster"));

        Assert.Equal("1.34", EchoMocks.Input(cluster, "version"));
        Assert.Equal("API", EchoMocks.Input(cluster, "accessConfig.authenticationMode"));
        Assert.Equal(true, EchoMocks.Input(cluster, "vpcConfig.endpointPrivateAccess"));
        Assert.Equal(["203.0.113.0/24"], Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(cluster, "vpcConfig.publicAccessCidrs")));
        Assert.Equal("172.20.0.0/16", EchoMocks.Input(cluster, "kubernetesNetworkConfig.serviceIpv4Cidr"));
        Assert.Equal(5, Assert.IsAssignableFrom<IEnumerable<object>>(EchoMocks.Input(cluster, "enabledClusterLogTypes")).Count());
        Assert.Equal(true, EchoMocks.Input(cluster, "deletionProtection"));
    }

    [Fact]
    public async Task ClusterHasAnOidcProviderForIrsaAndTheEbsDriverUsesIt()
    {
        var mocks = await ProdAsync();
        var oidc = Assert.Single(mocks.OfType("aws:iam/openIdConnectProvider:OpenIdConnectProvider"));

        Assert.Equal("https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE", EchoMocks.Input(oidc, "url"));
        var ebs = mocks.OfType("aws:eks/addon:Addon").Single(a => (string?)EchoMocks.Input(a, "addonName") == "aws-ebs-csi-driver");
        Assert.NotNull(EchoMocks.Input(ebs, "serviceAccountRoleArn"));
        var trust = mocks.OfType("aws:iam/role:Role").Select(r => (string)EchoMocks.Input(r, "assumeRolePolicy")!)
            .Single(p => p.Contains("ebs-csi-controller-sa", StringComparison.Ordinal));
        Assert.Contains("system:serviceaccount:kube-system:ebs-csi-controller-sa", trust, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoreAddonsArePinnedToThePlannedVersions()
    {
        var plan = Plan("aws-prod");
        var addons = (await BuildAsync(plan)).OfType("aws:eks/addon:Addon")
            .ToDictionary(a => (string)EchoMocks.Input(a, "addonName")!, a => (string)EchoMocks.Input(a, "addonVersion")!);

        Assert.Equal(plan.Cluster.Eks!.Addons.ToDictionary(a => a.Name, a => a.Version), addons);
    }

    [Fact]
    public async Task NodeGroupsMatchThePlannedPools()
    {
        var plan = Plan("aws-prod");
        var groups = (await BuildAsync(plan)).OfType("aws:eks/nodeGroup:NodeGroup").ToDictionary(g => (string)EchoMocks.Input(g, "nodeGroupName")!);

        foreach (var pool in plan.NodePools)
        {
            var group = groups[pool.Name];
            Assert.Equal((double)pool.MinTotal, EchoMocks.Input(group, "scalingConfig.minSize"));
            Assert.Equal((double)pool.MaxTotal, EchoMocks.Input(group, "scalingConfig.maxSize"));
            Assert.Equal(pool.CapacityType, EchoMocks.Input(group, "capacityType"));
        }

        Assert.Equal("SPOT", EchoMocks.Input(groups[Pool(plan, NodePoolRole.Compute).Name], "capacityType"));
        Assert.Equal("ON_DEMAND", EchoMocks.Input(groups[Pool(plan, NodePoolRole.System).Name], "capacityType"));
    }

    [Fact]
    public async Task NodeRoleHasOnlyTheThreeNodePolicies()
    {
        var attachments = (await ProdAsync()).OfType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")
            .Where(a => a.Name!.StartsWith("aws-prod-nodes-", StringComparison.Ordinal))
            .Select(a => (string)EchoMocks.Input(a, "policyArn")!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            ["arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"],
            attachments);
    }

    [Fact]
    public async Task EveryResourceNameDerivesFromTheClusterNameWithoutCollisions()
    {
        var registered = (await ProdAsync()).Registered;

        Assert.Equal(registered.Count, registered.Select(r => (r.Type, r.Name)).Distinct().Count());
        Assert.All(registered, r => Assert.True(r.Name == "aws-prod" || r.Name!.StartsWith("aws-prod-", StringComparison.Ordinal), r.Name));
    }
}
