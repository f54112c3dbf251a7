using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// The Helm values the platform decides for each add-on. Keys are checked against the pinned charts'
/// values files; anything not set here keeps the chart's default.
/// </summary>
public static class AddonValues
{
    /// <summary>Values for one add-on in this stack.</summary>
    public static JsonObject For(AddonDefinition addon, AddonSpec settings, PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(addon);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(spec);
        return addon.Name switch
        {
            "calico" => Calico(spec),
            "certManager" => CertManager(settings.HighAvailability),
            _ => [],
        };
    }

    private static JsonObject Calico(PlatformSpec spec) => spec.Cloud switch
    {
        // On EKS the VPC CNI keeps pod networking; Calico only enforces policy.
        CloudKind.Aws => new JsonObject
        {
            ["installation"] = new JsonObject
            {
                ["kubernetesProvider"] = "EKS",
                ["cni"] = new JsonObject { ["type"] = "AmazonVPC" },
            },
        },
        _ => [],
    };

    private static JsonObject CertManager(bool highAvailability) => new()
    {
        ["crds"] = new JsonObject { ["enabled"] = true, ["keep"] = true },
        ["replicaCount"] = highAvailability ? 2 : 1,
        ["podDisruptionBudget"] = new JsonObject { ["enabled"] = highAvailability },
    };
}
