namespace Platform.Stacks.Planning;

/// <summary>One subnet or secondary range carved from the VPC.</summary>
/// <param name="Name">Resource name of the subnet or range.</param>
/// <param name="Purpose">What it holds: nodes, pods, services, public or private.</param>
/// <param name="Zone">Zone of a zonal subnet (aws); null for regional ranges (gcp).</param>
/// <param name="Cidr">The range.</param>
/// <param name="Source">config when set explicitly, planned when carved.</param>
public sealed record SubnetPlan(string Name, string Purpose, string? Zone, string Cidr, string Source);
