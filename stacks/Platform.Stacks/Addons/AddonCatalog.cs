using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Every add-on the platform knows, in install order. Each lives in its own file with its pinned chart; this list is
/// the one place that names them all.
/// </summary>
public static class AddonCatalog
{
    /// <summary>Namespace of the observability stack.</summary>
    public const string ObservabilityNamespace = "observability";

    /// <summary>The header Loki, Tempo and Mimir read a request's tenant id from.</summary>
    public const string TenantHeader = "X-Scope-OrgID";

    /// <summary>The catalog, in install order.</summary>
    public static IReadOnlyList<AddonDefinition> All { get; } =
    [
        new Calico(),
        new Prometheus(),
        new Kyverno(),
        new CertManager(),
        new AwsLoadBalancerController(),
        new EnvoyGateway(),
        new ExternalDns(),
        new ArgoCd(),
        new Loki(),
        new Kafka(),
        new Tempo(),
        new Mimir(),
        new Alloy(),
        new Grafana(),
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
