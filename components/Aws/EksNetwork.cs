using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;

namespace Platform.Components.Aws;

/// <summary>
/// The VPC of an EKS cluster across its zones: a public and a private subnet per zone, an internet gateway,
/// NAT gateways (one per zone in prod, one shared elsewhere) and the subnet tags load balancers discover
/// subnets by. Pass <c>Protect = true</c> in the options to protect every child.
/// </summary>
public sealed class EksNetwork : ComponentResource
{
    /// <summary>Creates the VPC for the planned network.</summary>
    public EksNetwork(string name, EksNetworkArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:EksNetwork", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plain = new CustomResourceOptions { Parent = this };

        var vpc = new Vpc($"{name}-vpc", new VpcArgs
        {
            CidrBlock = args.Cidr,
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            Tags = { ["Name"] = args.VpcName },
        }, plain);
        var gateway = new InternetGateway($"{name}-igw", new InternetGatewayArgs
        {
            VpcId = vpc.Id,
            Tags = { ["Name"] = $"{name}-igw" },
        }, plain);

        var publicRoutes = new RouteTable($"{name}-public", new RouteTableArgs
        {
            VpcId = vpc.Id,
            Routes = { new RouteTableRouteArgs { CidrBlock = "0.0.0.0/0", GatewayId = gateway.Id } },
            Tags = { ["Name"] = $"{name}-public" },
        }, plain);

        var publicSubnets = new List<Subnet>();
        var privateSubnets = new List<Subnet>();
        foreach (var planned in args.Subnets)
        {
            var tags = new InputMap<string> { ["Name"] = planned.Name };
            foreach (var (key, value) in planned.Public ? args.PublicSubnetTags : args.PrivateSubnetTags)
            {
                tags[key] = value;
            }

            var subnet = new Subnet(planned.Name, new SubnetArgs
            {
                VpcId = vpc.Id,
                CidrBlock = planned.Cidr,
                AvailabilityZone = planned.Zone,
                MapPublicIpOnLaunch = planned.Public,
                Tags = tags,
            }, plain);
            (planned.Public ? publicSubnets : privateSubnets).Add(subnet);
        }

        for (var i = 0; i < publicSubnets.Count; i++)
        {
            _ = new RouteTableAssociation($"{name}-public-{i}", new RouteTableAssociationArgs
            {
                RouteTableId = publicRoutes.Id,
                SubnetId = publicSubnets[i].Id,
            }, plain);
        }

        var natGateways = new List<NatGateway>();
        for (var i = 0; i < args.NatGateways; i++)
        {
            var address = new Eip($"{name}-nat-{i}", new EipArgs { Domain = "vpc", Tags = { ["Name"] = $"{name}-nat-{i}" } }, plain);
            natGateways.Add(new NatGateway($"{name}-nat-{i}", new NatGatewayArgs
            {
                AllocationId = address.Id,
                SubnetId = publicSubnets[i].Id,
                Tags = { ["Name"] = $"{name}-nat-{i}" },
            }, new CustomResourceOptions { Parent = this, DependsOn = { gateway } }));
        }

        for (var i = 0; i < privateSubnets.Count; i++)
        {
            var nat = natGateways[Math.Min(i, natGateways.Count - 1)];
            var routes = new RouteTable($"{name}-private-{i}", new RouteTableArgs
            {
                VpcId = vpc.Id,
                Routes = { new RouteTableRouteArgs { CidrBlock = "0.0.0.0/0", NatGatewayId = nat.Id } },
                Tags = { ["Name"] = $"{name}-private-{i}" },
            }, plain);
            _ = new RouteTableAssociation($"{name}-private-{i}", new RouteTableAssociationArgs
            {
                RouteTableId = routes.Id,
                SubnetId = privateSubnets[i].Id,
            }, plain);
        }

        VpcId = vpc.Id;
        PrivateSubnetIds = Output.All(privateSubnets.Select(s => s.Id));
        PublicSubnetIds = Output.All(publicSubnets.Select(s => s.Id));
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["vpcId"] = VpcId,
            ["privateSubnetIds"] = PrivateSubnetIds,
            ["publicSubnetIds"] = PublicSubnetIds,
        });
    }

    /// <summary>The VPC id.</summary>
    [Output("vpcId")]
    public Output<string> VpcId { get; }

    /// <summary>Private subnet ids, one per zone, in zone order; nodes run here.</summary>
    [Output("privateSubnetIds")]
    public Output<System.Collections.Immutable.ImmutableArray<string>> PrivateSubnetIds { get; }

    /// <summary>Public subnet ids, one per zone, in zone order; load balancers and NAT gateways live here.</summary>
    [Output("publicSubnetIds")]
    public Output<System.Collections.Immutable.ImmutableArray<string>> PublicSubnetIds { get; }
}
