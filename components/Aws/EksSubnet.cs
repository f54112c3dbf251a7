namespace Platform.Components.Aws;

/// <summary>One subnet of an <see cref="EksNetwork"/>.</summary>
/// <param name="Name">Resource and Name-tag name.</param>
/// <param name="Zone">Availability zone.</param>
/// <param name="Cidr">The subnet's range inside the VPC.</param>
/// <param name="Public">True for a public subnet (load balancers, NAT gateways); false for a private one (nodes and pods).</param>
public sealed record EksSubnet(string Name, string Zone, string Cidr, bool Public);
