using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace Platform.Components.Kubernetes;

/// <summary>
/// An existing cluster (kind, k3d, minikube, on-prem): creates no infrastructure, only the Kubernetes
/// provider that add-ons and tenancy are installed through.
/// </summary>
public sealed class ExistingCluster : ComponentResource
{
    /// <summary>Creates the provider for the planned kubeconfig context.</summary>
    public ExistingCluster(string name, ExistingClusterArgs args, ComponentResourceOptions? options = null)
        : base("platform:cluster:ExistingCluster", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var providerArgs = new K8s.ProviderArgs
        {
            Context = args.Context,
            EnableServerSideApply = true,
            DeleteUnreachable = args.DeleteUnreachable,
        };
        if (args.Kubeconfig is not null)
        {
            providerArgs.KubeConfig = args.Kubeconfig;
        }

        Provider = new K8s.Provider($"{name}-provider", providerArgs, new CustomResourceOptions { Parent = this });
        KubeContext = args.Context.Apply(context => context);
        RegisterOutputs(new Dictionary<string, object?> { ["kubeContext"] = KubeContext });
    }

    /// <summary>The provider every Kubernetes resource of the platform is created with.</summary>
    public K8s.Provider Provider { get; }

    /// <summary>The kubeconfig context in use.</summary>
    [Output("kubeContext")]
    public Output<string> KubeContext { get; }
}
