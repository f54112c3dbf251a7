namespace Platform.Components.Aws;

/// <summary>A core EKS add-on at an exact version, optionally with its own IRSA role.</summary>
/// <param name="Name">EKS add-on name, e.g. coredns.</param>
/// <param name="Version">Exact version, e.g. v1.12.4-eksbuild.1.</param>
/// <param name="ServiceAccount">namespace/name of the service account that gets an IRSA role, or null for none.</param>
/// <param name="PolicyArn">Managed policy of that role, or null for none.</param>
public sealed record EksCoreAddon(string Name, string Version, string? ServiceAccount, string? PolicyArn);
