using System.Collections.Immutable;
using Platform.Stacks.Addons;
using Platform.Stacks.Manifests;
using Pulumi;

namespace Platform.Components.Kubernetes;

/// <summary>Arguments of <see cref="SecretFromConfig"/>. Nothing has a default; <see cref="FromPlan"/> gives every value.</summary>
public sealed class SecretFromConfigArgs
{
    /// <summary>The Secret's name.</summary>
    public required Input<string> SecretName { get; init; }

    /// <summary>Its namespace.</summary>
    public required Input<string> Namespace { get; init; }

    /// <summary>Its labels.</summary>
    public required InputMap<string> Labels { get; init; }

    /// <summary>Its data, by key; secret outputs.</summary>
    public required InputMap<string> Data { get; init; }

    /// <summary>
    /// The one mapping from the plan: each planned key's value from <paramref name="values"/>, the decrypted map of
    /// <c>platform:&lt;ConfigKey&gt;</c>. A key the map lacks stops the update with the command that sets it.
    /// </summary>
    public static SecretFromConfigArgs FromPlan(ConfigSecretPlan plan, Output<ImmutableDictionary<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(values);
        var data = new InputMap<string>();
        foreach (var key in plan.Keys)
        {
            data[key] = Output.CreateSecret(values.Apply(v => v.TryGetValue(key, out var value) && value.Length > 0
                ? value
                : throw new InvalidOperationException($"{plan.PathOf(key)} is not set; set it with pulumi config set --secret --path '{plan.PathOf(key)}' <value>")));
        }

        var labels = new InputMap<string>();
        foreach (var (name, value) in Kube.ManagedLabels())
        {
            labels[name] = (string)value!;
        }

        return new SecretFromConfigArgs { SecretName = plan.Name, Namespace = plan.Namespace, Labels = labels, Data = data };
    }
}
