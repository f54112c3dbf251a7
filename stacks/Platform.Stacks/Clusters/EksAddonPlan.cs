namespace Platform.Stacks.Clusters;

/// <summary>A core EKS add-on pinned to an exact version.</summary>
/// <param name="Name">EKS add-on name, e.g. vpc-cni.</param>
/// <param name="Version">Exact add-on version, e.g. v1.34.0-eksbuild.5.</param>
/// <param name="NeedsNodes">True when the add-on runs pods that need nodes, so it is installed after the node groups.</param>
/// <param name="ServiceAccount">namespace/name of the service account that gets an IRSA role, or null.</param>
/// <param name="PolicyArn">Managed policy of that IRSA role, or null.</param>
public sealed record EksAddonPlan(string Name, string Version, bool NeedsNodes = false, string? ServiceAccount = null, string? PolicyArn = null);
