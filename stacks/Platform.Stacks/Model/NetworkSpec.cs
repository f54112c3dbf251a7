namespace Platform.Stacks.Model;

/// <summary>Addressing for a cloud cluster (<c>platform:network</c>); not used for existing clusters.</summary>
/// <param name="Cidr">The VPC CIDR every range is carved from. Default per profile (10.30/16 dev, 10.10/16 staging, 10.20/16 prod).</param>
/// <param name="MaxPodsPerNode">Pods per node, which sizes the pod ranges. Default 110.</param>
/// <param name="NodesCidr">gcp: explicit primary (node) range. Default: carved from <paramref name="Cidr"/>.</param>
/// <param name="PodsCidr">gcp: explicit pod secondary range. Default: carved from <paramref name="Cidr"/>, sized for the node pools.</param>
/// <param name="ServicesCidr">Service range. Default: a /20 carved from <paramref name="Cidr"/> on gcp, 172.20.0.0/16 on aws.</param>
public sealed record NetworkSpec(
    string Cidr,
    int MaxPodsPerNode,
    string? NodesCidr,
    string? PodsCidr,
    string? ServicesCidr);
