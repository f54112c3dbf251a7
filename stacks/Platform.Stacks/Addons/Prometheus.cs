using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// The Prometheus Operator with Prometheus, Alertmanager, node-exporter and kube-state-metrics.
/// Planned: see <see cref="PlannedAddon"/>.
/// </summary>
public sealed class Prometheus : PlannedAddon
{
    /// <inheritdoc />
    public override string Name => "prometheus";

    /// <inheritdoc />
    public override string Release => "kube-prometheus-stack";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("kube-prometheus-stack", "https://prometheus-community.github.io/helm-charts", "88.5.3");

    /// <inheritdoc />
    protected override Resources Estimate => Resources.Of(1m, 4m, 4);

    /// <inheritdoc />
    protected override Resources EstimateHa => Resources.Of(2.5m, 12m, 8);

    /// <inheritdoc />
    protected override Resources EstimatePerNode => Resources.Of(0.1m, 0.05m, 1);
}
