namespace Platform.Stacks.Addons;

/// <summary>
/// A Kubernetes Secret the program fills from secret config, so a password or key reaches the cluster without ever
/// being in the plan, the render or Helm values: data key <c>k</c> holds <c>platform:&lt;ConfigKey&gt;.k</c>, set with
/// <c>pulumi config set --secret --path</c>. The plan names the keys; only the program reads the values.
/// </summary>
/// <param name="Name">The Secret's name.</param>
/// <param name="Namespace">Its namespace: the add-on's.</param>
/// <param name="ConfigKey">The config key (without <c>platform:</c>) of the map holding the values.</param>
/// <param name="Keys">The map's keys the Secret needs, each a data key of the Secret.</param>
public sealed record ConfigSecretPlan(string Name, string Namespace, string ConfigKey, IReadOnlyList<string> Keys)
{
    /// <summary>The full config path of one value, as <c>pulumi config set --path</c> takes it.</summary>
    public string PathOf(string key) => $"{Binding.SpecBinder.Namespace}:{ConfigKey}.{key}";
}
