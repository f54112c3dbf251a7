using Pulumi;
using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;

namespace Platform.Components.Kubernetes;

/// <summary>
/// One Helm release of a pinned chart with the exact values the plan decided, installed through the Kubernetes
/// provider given in the options (<c>Provider</c> or <c>Providers</c>), after whatever <c>DependsOn</c> names.
/// Helm waits for the release's workloads to become ready, so what depends on this component finds them running.
/// </summary>
public sealed class HelmAddon : ComponentResource
{
    /// <summary>Installs the release.</summary>
    public HelmAddon(string name, HelmAddonArgs args, ComponentResourceOptions? options = null)
        : base("platform:kubernetes:HelmAddon", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var releaseArgs = new ReleaseArgs
        {
            Name = args.ReleaseName,
            Namespace = args.Namespace,
            CreateNamespace = args.CreateNamespace,
            Chart = args.Chart,
            Version = args.Version,
            Values = args.Values,
            Atomic = true,
            CleanupOnFail = true,
        };
        if (args.Repository is not null)
        {
            releaseArgs.RepositoryOpts = new RepositoryOptsArgs { Repo = args.Repository };
        }

        var release = new Release($"{name}-release", releaseArgs, new CustomResourceOptions { Parent = this });
        ReleaseName = release.Name;
        RegisterOutputs(new Dictionary<string, object?> { ["releaseName"] = ReleaseName });
    }

    /// <summary>The release's name in the cluster.</summary>
    [Output("releaseName")]
    public Output<string> ReleaseName { get; }
}
