namespace Platform.Stacks.Planning;

/// <summary>How an EKS managed node group is run: its image and the launch template it is created from.</summary>
/// <param name="AmiType">AL2023_x86_64_STANDARD, or AL2023_ARM_64_STANDARD for Graviton types.</param>
/// <param name="DesiredSize">Nodes at creation (the minimum); the Cluster Autoscaler owns the count afterwards.</param>
/// <param name="RootDevice">Device name of the root volume of the node image.</param>
/// <param name="DiskEncrypted">Whether the root volume is encrypted; always true.</param>
/// <param name="MetadataHttpTokens">required: IMDSv2 only.</param>
/// <param name="MetadataHopLimit">1: containers that are not on the host network cannot reach the node's metadata and credentials.</param>
public sealed record EksNodeSettings(string AmiType, int DesiredSize, string RootDevice, bool DiskEncrypted, string MetadataHttpTokens, int MetadataHopLimit);
