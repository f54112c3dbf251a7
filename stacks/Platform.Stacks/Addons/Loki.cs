using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Loki, for logs.
/// Planned: see <see cref="PlannedAddon"/>.
/// </summary>
public sealed class Loki : PlannedAddon
{
    /// <inheritdoc />
    public override string Name => "loki";

    /// <inheritdoc />
    public override string Release => "loki";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("loki", "https://grafana-community.github.io/helm-charts", "18.11.0");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <inheritdoc />
    protected override Resources Estimate => Resources.Of(0.5m, 1m, 2);

    /// <inheritdoc />
    protected override Resources EstimateHa => Resources.Of(4m, 8m, 12);
}
