namespace Platform.Stacks.Clusters;

/// <summary>The Cloud NAT that gives private GKE nodes egress.</summary>
/// <param name="Name">NAT name.</param>
/// <param name="IpAllocation">AUTO_ONLY: Google allocates and scales the external addresses.</param>
/// <param name="SourceRanges">ALL_SUBNETWORKS_ALL_IP_RANGES: nodes and pods of every subnet.</param>
/// <param name="LogFilter">What is logged: ERRORS_ONLY.</param>
public sealed record CloudNatPlan(string Name, string IpAllocation, string SourceRanges, string LogFilter);
