namespace Platform.Stacks.Addons;

/// <summary>One data key of a <see cref="ConfigSecretPlan"/> and the secret config entry that fills it.</summary>
/// <param name="DataKey">The key in the Secret's data.</param>
/// <param name="Entry">The entry of the config map (<c>platform:&lt;ConfigKey&gt;.&lt;Entry&gt;</c>).</param>
/// <param name="Bcrypt">
/// Whether the Secret holds the value's bcrypt hash rather than the value (Argo CD's admin password). The salt is
/// derived from the Secret and the value, so the hash changes only when the value does.
/// </param>
/// <param name="Optional">Whether the data key is left out when the entry is not set, instead of stopping the update.</param>
public sealed record SecretValuePlan(string DataKey, string Entry, bool Bcrypt = false, bool Optional = false);

/// <summary>
/// A Kubernetes Secret the program fills from secret config, so a password or key reaches the cluster without ever
/// being in the plan, the render or Helm values: each data key holds an entry of the map <c>platform:&lt;ConfigKey&gt;</c>,
/// set with <c>pulumi config set --secret --path</c>. The plan names the entries; only the program reads the values.
/// </summary>
/// <param name="Name">The Secret's name.</param>
/// <param name="Namespace">Its namespace: the add-on's.</param>
/// <param name="ConfigKey">The config key (without <c>platform:</c>) of the map holding the values.</param>
/// <param name="Values">The data keys filled from the map.</param>
/// <param name="Labels">Labels besides the platform's own (Argo CD finds repository Secrets by label); none when null.</param>
/// <param name="PlainData">Data keys whose values are not secret and are planned (a repository's URL); none when null.</param>
public sealed record ConfigSecretPlan(
    string Name,
    string Namespace,
    string ConfigKey,
    IReadOnlyList<SecretValuePlan> Values,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyDictionary<string, string>? PlainData = null)
{
    /// <summary>A Secret whose data keys are the map's entries of the same names.</summary>
    public static ConfigSecretPlan Copying(string name, string ns, string configKey, IEnumerable<string> entries) =>
        new(name, ns, configKey, [.. entries.Select(e => new SecretValuePlan(e, e))]);

    /// <summary>The full config path of one entry, as <c>pulumi config set --path</c> takes it.</summary>
    public string PathOf(string entry) => $"{Binding.SpecBinder.Namespace}:{ConfigKey}.{entry}";
}
