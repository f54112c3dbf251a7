using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>One add-on in the catalog: what is installed, where, after what, and what it asks of the nodes.</summary>
/// <param name="Name">Config key under <c>platform:addons</c>.</param>
/// <param name="Release">Helm release name.</param>
/// <param name="Namespace">Namespace it is installed into.</param>
/// <param name="Chart">Chart used in single-instance mode.</param>
/// <param name="HaChart">Chart used in HA mode when it differs (e.g. a distributed chart); null to use <paramref name="Chart"/>.</param>
/// <param name="DependsOn">Add-ons that must be installed first (CRD producers, for example).</param>
/// <param name="DefaultIn">Profiles in which it is enabled unless config says otherwise.</param>
/// <param name="Requests">Approximate requests of its cluster-level workloads, single-instance.</param>
/// <param name="RequestsHa">Approximate requests of its cluster-level workloads in HA mode.</param>
/// <param name="PerNode">Approximate requests of its DaemonSet pods on every node.</param>
public sealed record AddonDefinition(
    string Name,
    string Release,
    string Namespace,
    ChartRef Chart,
    ChartRef? HaChart,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<EnvironmentProfile> DefaultIn,
    Resources Requests,
    Resources RequestsHa,
    Resources PerNode)
{
    /// <summary>The chart for the given mode.</summary>
    public ChartRef ChartFor(bool highAvailability) => highAvailability && HaChart is not null ? HaChart : Chart;
}
