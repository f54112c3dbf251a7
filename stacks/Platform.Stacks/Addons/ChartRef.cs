namespace Platform.Stacks.Addons;

/// <summary>A Helm chart pinned to an exact version.</summary>
/// <param name="Chart">Chart name.</param>
/// <param name="Repository">Chart repository URL (https or oci).</param>
/// <param name="Version">Exact chart version; never a range or <c>latest</c>.</param>
public sealed record ChartRef(string Chart, string Repository, string Version)
{
    /// <summary>True for OCI registries, where the chart is addressed by URL rather than by repository + name.</summary>
    public bool IsOci => Repository.StartsWith("oci://", StringComparison.Ordinal);

    /// <summary>What Helm is given as the chart: <c>oci://…/name</c> for OCI, the bare name otherwise.</summary>
    public string Reference => IsOci ? $"{Repository}/{Chart}" : Chart;
}
