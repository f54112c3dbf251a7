using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Tempo, for traces; the distributed chart in HA mode.
/// Planned: see <see cref="PlannedAddon"/>.
/// </summary>
public sealed class Tempo : PlannedAddon
{
    /// <inheritdoc />
    public override string Name => "tempo";

    /// <inheritdoc />
    public override string Release => "tempo";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("tempo", "https://grafana-community.github.io/helm-charts", "2.2.4");

    /// <inheritdoc />
    public override ChartRef? HaChart { get; } = new("tempo-distributed", "https://grafana-community.github.io/helm-charts", "3.3.0");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <inheritdoc />
    public override IReadOnlyList<EnvironmentProfile> DefaultIn => SharedOnly;

    /// <inheritdoc />
    protected override Resources Estimate => Resources.Of(0.5m, 1m, 1);

    /// <inheritdoc />
    protected override Resources EstimateHa => Resources.Of(2m, 4m, 10);
}
