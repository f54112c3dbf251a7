using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Envoy Gateway: the Gateway API controller and the shared Gateway's proxies.
/// Planned: see <see cref="PlannedAddon"/>.
/// </summary>
public sealed class EnvoyGateway : PlannedAddon
{
    /// <inheritdoc />
    public override string Name => "envoyGateway";

    /// <inheritdoc />
    public override string Release => "envoy-gateway";

    /// <inheritdoc />
    public override string Namespace => "envoy-gateway-system";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("gateway-helm", "oci://docker.io/envoyproxy", "v1.9.0");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["certManager"];

    /// <inheritdoc />
    protected override Resources Estimate => Resources.Of(0.6m, 0.75m, 2);

    /// <inheritdoc />
    protected override Resources EstimateHa => Resources.Of(1.5m, 1.5m, 5);
}
