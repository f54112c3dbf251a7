using Platform.Stacks.Clusters;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>Arguments of <see cref="EksNodeAddons"/>. Nothing has a default; <see cref="FromPlan"/> gives every value.</summary>
public sealed class EksNodeAddonsArgs
{
    /// <summary>Cluster name, e.g. <see cref="EksCluster.ClusterName"/>.</summary>
    public required Input<string> ClusterName { get; init; }

    /// <summary>The add-ons whose pods need nodes, in install order.</summary>
    public required IReadOnlyList<EksCoreAddon> Addons { get; init; }

    /// <summary>OVERWRITE or PRESERVE, when an add-on's objects were changed outside EKS.</summary>
    public required Input<string> ConflictResolution { get; init; }

    /// <summary>OIDC provider, e.g. <see cref="EksCluster.OidcProviderArn"/>, which IRSA roles trust.</summary>
    public required Input<string> OidcProviderArn { get; init; }

    /// <summary>Issuer URL, e.g. <see cref="EksCluster.OidcIssuerUrl"/>.</summary>
    public required Input<string> OidcIssuerUrl { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static EksNodeAddonsArgs FromPlan(EksClusterPlan plan, Input<string> clusterName, Input<string> oidcProviderArn, Input<string> oidcIssuerUrl)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new EksNodeAddonsArgs
        {
            ClusterName = clusterName,
            Addons = plan.Addons.Where(a => a.NeedsNodes).Select(a => new EksCoreAddon(a.Name, a.Version, a.ServiceAccount, a.PolicyArn)).ToList(),
            ConflictResolution = plan.AddonConflictResolution,
            OidcProviderArn = oidcProviderArn,
            OidcIssuerUrl = oidcIssuerUrl,
        };
    }
}
