namespace Platform.Stacks.Addons;

/// <summary>A Helm chart pinned to an exact version.</summary>
/// <param name="Chart">Chart name.</param>
/// <param name="Repository">Chart repository URL (https or oci).</param>
/// <param name="Version">Exact chart version; never a range or <c>latest</c>.</param>
public sealed record ChartRef(string Chart, string Repository, string Version);
