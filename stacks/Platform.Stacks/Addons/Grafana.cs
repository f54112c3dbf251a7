using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Grafana, with the platform's datasources and dashboards.
/// Planned: see <see cref="PlannedAddon"/>.
/// </summary>
public sealed class Grafana : PlannedAddon
{
    /// <inheritdoc />
    public override string Name => "grafana";

    /// <inheritdoc />
    public override string Release => "grafana";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("grafana", "https://grafana-community.github.io/helm-charts", "12.11.1");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <inheritdoc />
    protected override Resources Estimate => Resources.Of(0.25m, 0.5m, 1);

    /// <inheritdoc />
    protected override Resources EstimateHa => Resources.Of(0.5m, 1m, 2);
}
