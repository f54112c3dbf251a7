using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// Its data, by key, base64-encoded, as one secret output: only the program knows which optional entries are set.
    /// </summary>
    public required InputMap<string> Data { get; init; }

    /// <summary>
    /// The one mapping from the plan: each planned data key's value from <paramref name="values"/>, the decrypted map
    /// of <c>platform:&lt;ConfigKey&gt;</c> (empty when it is not set), hashed where the plan says so, plus the planned
    /// plain data. A required entry the map lacks stops the update with the command that sets it; an optional one is
    /// left out.
    /// </summary>
    public static SecretFromConfigArgs FromPlan(ConfigSecretPlan plan, Output<ImmutableDictionary<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(values);
        var data = Output.CreateSecret(values.Apply(map =>
        {
            var entries = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            entries.AddRange(plan.PlainData ?? ImmutableDictionary<string, string>.Empty);
            foreach (var value in plan.Values)
            {
                if (map.TryGetValue(value.Entry, out var text) && text.Length > 0)
                {
                    entries[value.DataKey] = value.Bcrypt ? StableBcrypt(text, $"{plan.Namespace}/{plan.Name}/{value.DataKey}") : text;
                }
                else if (!value.Optional)
                {
                    throw new InvalidOperationException($"{plan.PathOf(value.Entry)} is not set; set it with pulumi config set --secret --path '{plan.PathOf(value.Entry)}' <value>");
                }
            }

            // As data (base64) rather than stringData: a key dropped from stringData would linger in the Secret
            // under server-side apply; one dropped from data goes.
            return entries.ToImmutableDictionary(e => e.Key, e => Convert.ToBase64String(Encoding.UTF8.GetBytes(e.Value)), StringComparer.Ordinal);
        }));

        var labels = new InputMap<string>();
        foreach (var (name, label) in Kube.ManagedLabels())
        {
            labels[name] = (string)label!;
        }

        foreach (var (name, label) in plan.Labels ?? ImmutableDictionary<string, string>.Empty)
        {
            labels[name] = label;
        }

        return new SecretFromConfigArgs { SecretName = plan.Name, Namespace = plan.Namespace, Labels = labels, Data = data };
    }

    /// <summary>
    /// The bcrypt hash (cost 10) of <paramref name="text"/> with a salt derived from it and <paramref name="context"/>,
    /// so every update computes the same hash and the Secret changes only when the value does. The salt is stored in
    /// clear in the hash, so it comes from PBKDF2 (SHA-256, 600,000 iterations): testing a guess against it costs
    /// about as much as testing it against the bcrypt hash itself. bcrypt's salt is 22 characters of its own base64
    /// alphabet; the last carries only two significant bits.
    /// </summary>
    public static string StableBcrypt(string text, string context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var digest = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(text), Encoding.UTF8.GetBytes($"platform-bcrypt-salt/{context}"), SaltIterations, HashAlgorithmName.SHA256, 22);
        var salt = new StringBuilder("$2a$10$");
        for (var i = 0; i < 21; i++)
        {
            salt.Append(Alphabet[digest[i] % 64]);
        }

        salt.Append(Alphabet[(digest[21] % 4) * 16]);
        return BCrypt.Net.BCrypt.HashPassword(text, salt.ToString());
    }

    /// <summary>PBKDF2 iterations for a derived salt: the count OWASP recommends for PBKDF2-HMAC-SHA256.</summary>
    public const int SaltIterations = 600_000;
}
