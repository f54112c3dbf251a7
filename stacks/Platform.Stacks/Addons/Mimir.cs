using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Mimir, for long-term metrics.
/// Planned: see <see cref="PlannedAddon"/>.
/// </summary>
public sealed class Mimir : PlannedAddon
{
    /// <inheritdoc />
    public override string Name => "mimir";

    /// <inheritdoc />
    public override string Release => "mimir";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("mimir-distributed", "https://grafana.github.io/helm-charts", "6.2.0");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <inheritdoc />
    public override IReadOnlyList<EnvironmentProfile> DefaultIn => SharedOnly;

    /// <inheritdoc />
    protected override Resources Estimate => Resources.Of(1.5m, 4m, 10);

    /// <inheritdoc />
    protected override Resources EstimateHa => Resources.Of(6m, 24m, 24);
}
