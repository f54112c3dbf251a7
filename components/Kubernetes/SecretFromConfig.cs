using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace Platform.Components.Kubernetes;

/// <summary>
/// A Kubernetes Secret whose data comes from secret config, through the provider given in the options. The values
/// stay Pulumi secrets end to end: encrypted in state, masked in previews, never in the render.
/// </summary>
public sealed class SecretFromConfig : ComponentResource
{
    /// <summary>Creates the Secret.</summary>
    public SecretFromConfig(string name, SecretFromConfigArgs args, ComponentResourceOptions? options = null)
        : base("platform:kubernetes:SecretFromConfig", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var secret = new Pulumi.Kubernetes.Core.V1.Secret($"{name}-secret", new SecretArgs
        {
            Metadata = new ObjectMetaArgs
            {
                Name = args.SecretName,
                Namespace = args.Namespace,
                Labels = args.Labels,
            },
            Type = "Opaque",
            Data = args.Data,
        }, new CustomResourceOptions { Parent = this, AdditionalSecretOutputs = ["data", "stringData"] });
        SecretName = secret.Metadata.Apply(m => m.Name);
        RegisterOutputs(new Dictionary<string, object?> { ["secretName"] = SecretName });
    }

    /// <summary>The Secret's name in the cluster.</summary>
    [Output("secretName")]
    public Output<string> SecretName { get; }
}
