using Pulumi;
using PlannedBundle = Platform.Stacks.Manifests.ManifestBundle;

namespace Platform.Components.Kubernetes;

/// <summary>
/// Arguments of <see cref="ManifestBundle"/>. Nothing has a default; <see cref="FromPlan"/> gives every value. The
/// cluster is chosen by the Kubernetes provider passed in the component's options.
/// </summary>
public sealed class ManifestBundleArgs
{
    /// <summary>
    /// The objects, as plain maps (apiVersion, kind, metadata, …). The provider applies CRDs and namespaces before
    /// the objects that need them, whatever their order here.
    /// </summary>
    public required InputList<object> Objects { get; init; }

    /// <summary>The one mapping from the plan: the objects are the render's, converted as they are.</summary>
    public static ManifestBundleArgs FromPlan(PlannedBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return new ManifestBundleArgs { Objects = bundle.Objects.Select(manifest => HelmAddonArgs.Plain(manifest)!).ToList() };
    }
}
