using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Argo CD, for GitOps.
/// Planned: see <see cref="PlannedAddon"/>.
/// </summary>
public sealed class ArgoCd : PlannedAddon
{
    /// <inheritdoc />
    public override string Name => "argocd";

    /// <inheritdoc />
    public override string Release => "argo-cd";

    /// <inheritdoc />
    public override string Namespace => "argocd";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("argo-cd", "https://argoproj.github.io/argo-helm", "10.1.1");

    /// <inheritdoc />
    protected override Resources Estimate => Resources.Of(0.75m, 1.5m, 5);

    /// <inheritdoc />
    protected override Resources EstimateHa => Resources.Of(2.5m, 4m, 14);
}
