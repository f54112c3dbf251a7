namespace Platform.Stacks.Clusters;

/// <summary>A core EKS add-on pinned to an exact version.</summary>
/// <param name="Name">EKS add-on name, e.g. vpc-cni.</param>
/// <param name="Version">Exact add-on version, e.g. v1.34.0-eksbuild.5.</param>
public sealed record EksAddonPlan(string Name, string Version);
