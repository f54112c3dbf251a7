using Pulumi;
using Pulumi.Kubernetes.Yaml.V2;
using ConfigGroupArgs = Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigGroupArgs;

namespace Platform.Components.Kubernetes;

/// <summary>
/// Kubernetes objects the program applies itself (namespaces, quotas, policies, priority classes, issuers, …), through
/// the provider given in the options. Pulumi.Kubernetes' <c>ConfigGroup</c> orders CRDs and namespaces before the
/// objects that use them and waits for each object to be ready.
/// </summary>
public sealed class ManifestBundle : ComponentResource
{
    /// <summary>Applies the objects.</summary>
    public ManifestBundle(string name, ManifestBundleArgs args, ComponentResourceOptions? options = null)
        : base("platform:kubernetes:ManifestBundle", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var group = new ConfigGroup($"{name}-objects", new ConfigGroupArgs { Objs = args.Objects }, new ComponentResourceOptions { Parent = this });
        Resources = group.Resources;
        RegisterOutputs(new Dictionary<string, object?> { ["resources"] = Resources });
    }

    /// <summary>The Kubernetes resources the group created.</summary>
    [Output("resources")]
    public Output<System.Collections.Immutable.ImmutableArray<object>> Resources { get; }
}
