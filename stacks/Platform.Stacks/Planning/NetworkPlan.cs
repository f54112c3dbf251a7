namespace Platform.Stacks.Planning;

/// <summary>The addressing of a cloud cluster, all carved from one VPC CIDR.</summary>
/// <param name="Name">VPC resource name.</param>
/// <param name="Cidr">The VPC CIDR.</param>
/// <param name="MaxPodsPerNode">Pods per node used for sizing: the configured figure on gcp, the largest pool's VPC CNI limit on aws.</param>
/// <param name="Subnets">gcp: the node range plus pod and service secondary ranges; aws: a public and a private subnet per zone.</param>
/// <param name="ServicesCidr">The Kubernetes service range.</param>
/// <param name="NatGateways">aws: how many NAT gateways (one per zone in prod, one shared elsewhere); gcp: one Cloud NAT.</param>
public sealed record NetworkPlan(string Name, string Cidr, int MaxPodsPerNode, IReadOnlyList<SubnetPlan> Subnets, string ServicesCidr, int NatGateways);
