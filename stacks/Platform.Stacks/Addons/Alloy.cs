using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Alloy, the collector on every node for logs, traces and metrics.
/// Planned: see <see cref="PlannedAddon"/>.
/// </summary>
public sealed class Alloy : PlannedAddon
{
    /// <inheritdoc />
    public override string Name => "alloy";

    /// <inheritdoc />
    public override string Release => "alloy";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("alloy", "https://grafana.github.io/helm-charts", "1.11.1");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <inheritdoc />
    protected override Resources EstimatePerNode => Resources.Of(0.1m, 0.25m, 1);
}
