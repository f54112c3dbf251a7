using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Every add-on the platform installs, each pinned to an exact chart version. This is the only place
/// chart versions live. Resource figures are planning estimates for the capacity check.
/// </summary>
public static class AddonCatalog
{
    /// <summary>Namespace of the observability stack.</summary>
    public const string ObservabilityNamespace = "observability";

    private static readonly EnvironmentProfile[] Everywhere = [EnvironmentProfile.Dev, EnvironmentProfile.Staging, EnvironmentProfile.Prod];
    private static readonly EnvironmentProfile[] SharedOnly = [EnvironmentProfile.Staging, EnvironmentProfile.Prod];

    private const string GrafanaRepo = "https://grafana.github.io/helm-charts";
    private const string GrafanaCommunityRepo = "https://grafana-community.github.io/helm-charts";

    /// <summary>The catalog, in install order.</summary>
    public static IReadOnlyList<AddonDefinition> All { get; } =
    [
        new("calico", "tigera-operator", "tigera-operator",
            new("tigera-operator", "https://docs.tigera.io/calico/charts", "v3.32.1"), null,
            [], Everywhere, Resources.Of(0.2m, 0.25m, 2), Resources.Of(0.4m, 0.5m, 4), Resources.Of(0.25m, 0.25m, 1)),
        new("certManager", "cert-manager", "cert-manager",
            new("cert-manager", "https://charts.jetstack.io", "v1.21.1"), null,
            [], Everywhere, Resources.Of(0.1m, 0.25m, 3), Resources.Of(0.3m, 0.75m, 7), Resources.Zero),
        new("envoyGateway", "envoy-gateway", "envoy-gateway-system",
            new("gateway-helm", "oci://docker.io/envoyproxy", "v1.9.0"), null,
            ["certManager"], Everywhere, Resources.Of(0.6m, 0.75m, 2), Resources.Of(1.5m, 1.5m, 5), Resources.Zero),
        new("prometheus", "kube-prometheus-stack", ObservabilityNamespace,
            new("kube-prometheus-stack", "https://prometheus-community.github.io/helm-charts", "88.5.3"), null,
            [], Everywhere, Resources.Of(1m, 4m, 4), Resources.Of(2.5m, 12m, 8), Resources.Of(0.1m, 0.05m, 1)),
        new("argocd", "argo-cd", "argocd",
            new("argo-cd", "https://argoproj.github.io/argo-helm", "10.1.1"), null,
            [], Everywhere, Resources.Of(0.75m, 1.5m, 5), Resources.Of(2.5m, 4m, 14), Resources.Zero),
        new("loki", "loki", ObservabilityNamespace,
            new("loki", GrafanaCommunityRepo, "18.11.0"), null,
            ["prometheus"], Everywhere, Resources.Of(0.5m, 1m, 2), Resources.Of(4m, 8m, 12), Resources.Zero),
        new("tempo", "tempo", ObservabilityNamespace,
            new("tempo", GrafanaCommunityRepo, "2.2.4"), new("tempo-distributed", GrafanaCommunityRepo, "3.3.0"),
            ["prometheus"], SharedOnly, Resources.Of(0.5m, 1m, 1), Resources.Of(2m, 4m, 10), Resources.Zero),
        new("mimir", "mimir", ObservabilityNamespace,
            new("mimir-distributed", GrafanaRepo, "6.2.0"), null,
            ["prometheus"], SharedOnly, Resources.Of(1.5m, 4m, 10), Resources.Of(6m, 24m, 24), Resources.Zero),
        new("alloy", "alloy", ObservabilityNamespace,
            new("alloy", GrafanaRepo, "1.11.1"), null,
            ["prometheus"], Everywhere, Resources.Zero, Resources.Zero, Resources.Of(0.1m, 0.25m, 1)),
        new("grafana", "grafana", ObservabilityNamespace,
            new("grafana", GrafanaCommunityRepo, "12.11.1"), null,
            ["prometheus"], Everywhere, Resources.Of(0.25m, 0.5m, 1), Resources.Of(0.5m, 1m, 2), Resources.Zero),
    ];

    /// <summary>
    /// The Cluster Autoscaler chart. It is part of the EKS cluster layer rather than a switchable add-on: without it
    /// the managed node groups never leave their minimum size.
    /// </summary>
    public static ChartRef ClusterAutoscaler { get; } = new("cluster-autoscaler", "https://kubernetes.github.io/autoscaler", "9.59.0");

    /// <summary>The catalog names, in install order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(a => a.Name).ToList();

    /// <summary>Looks up an add-on by config name.</summary>
    public static AddonDefinition Get(string name) =>
        All.FirstOrDefault(a => a.Name == name) ?? throw new ArgumentException($"'{name}' is not in the add-on catalog", nameof(name));
}
