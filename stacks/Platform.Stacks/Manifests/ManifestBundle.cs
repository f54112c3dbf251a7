using System.Globalization;
using System.Text.Json.Nodes;

namespace Platform.Stacks.Manifests;

/// <summary>
/// A group of Kubernetes objects the program applies itself, written to one multi-document file.
/// Bundles apply in <see cref="Order"/>; a bundle that uses a CRD orders after the add-on that installs it.
/// </summary>
/// <param name="Order">Apply order, 00-99.</param>
/// <param name="Name">Bundle name, used in the file name and resource names.</param>
/// <param name="DependsOnAddons">Add-ons whose CRDs or controllers the objects need.</param>
/// <param name="Objects">The objects, in apply order.</param>
public sealed record ManifestBundle(int Order, string Name, IReadOnlyList<string> DependsOnAddons, IReadOnlyList<JsonObject> Objects)
{
    /// <summary>Where the render writes the bundle.</summary>
    public string File => string.Create(CultureInfo.InvariantCulture, $"manifests/{Order:00}-{Name}.yaml");
}
