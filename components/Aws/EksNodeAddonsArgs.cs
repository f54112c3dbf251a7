using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>Arguments of <see cref="EksNodeAddons"/>.</summary>
public sealed class EksNodeAddonsArgs
{
    /// <summary>The planned cluster; its add-ons that need nodes are installed.</summary>
    public required EksClusterPlan Plan { get; init; }

    /// <summary>Cluster name from <see cref="EksCluster.ClusterName"/>.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>OIDC provider from <see cref="EksCluster.OidcProviderArn"/>, which IRSA roles trust.</summary>
    public required Output<string> OidcProviderArn { get; init; }

    /// <summary>Issuer URL from <see cref="EksCluster.OidcIssuerUrl"/>.</summary>
    public required Output<string> OidcIssuerUrl { get; init; }
}
