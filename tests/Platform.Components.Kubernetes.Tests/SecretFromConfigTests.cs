using System.Collections.Immutable;
using Platform.Stacks.Addons;
using Platform.Stacks.Clusters;
using Platform.Stacks.Model;
using Platform.Tests.Pulumi;
using Pulumi;

namespace Platform.Components.Kubernetes.Tests;

public class SecretFromConfigTests
{
    private static readonly ConfigSecretPlan Planned = ConfigSecretPlan.Copying("alertmanager-receivers", "monitoring", "receiverSecrets", ["chat", "oncall"]);

    private static ClusterPlan Local => new("local", CloudKind.Existing, false, true, null, null, new ExistingClusterPlan("kind-platform", null));

    private static async Task<EchoMocks> RunAsync(ImmutableDictionary<string, string> values)
    {
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            var cluster = new ExistingCluster("local", ExistingClusterArgs.FromPlan(Local));
            _ = new SecretFromConfig("local-receivers", SecretFromConfigArgs.FromPlan(Planned, Output.CreateSecret(values)), new ComponentResourceOptions { Provider = cluster.Provider });
            return new Dictionary<string, object?>();
        }, "dev-local");
        return mocks;
    }

    [Fact]
    public async Task EachPlannedKeyBecomesADataKeyOfTheSecretInThePlannedNamespace()
    {
        var mocks = await RunAsync(ImmutableDictionary<string, string>.Empty.Add("chat", "https://hooks.example/a").Add("oncall", "key").Add("unused", "x"));

        var secret = Assert.Single(mocks.OfType("kubernetes:core/v1:Secret"));
        Assert.Equal("alertmanager-receivers", EchoMocks.Input(secret, "metadata.name"));
        Assert.Equal("monitoring", EchoMocks.Input(secret, "metadata.namespace"));
        var labels = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(EchoMocks.Input(secret, "metadata.labels"));
        Assert.Equal("platform", labels["app.kubernetes.io/managed-by"]);
        Assert.Equal("https://hooks.example/a", SecretData(secret, "chat"));
        Assert.Equal("key", SecretData(secret, "oncall"));
        Assert.Null(SecretData(secret, "unused"));
        Assert.Equal("local-provider", mocks.OptionsOf("platform:kubernetes:SecretFromConfig", "local-receivers").Provider);
    }

    [Fact]
    public async Task AMissingKeyStopsTheUpdateWithTheCommandThatSetsIt()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(ImmutableDictionary<string, string>.Empty.Add("chat", "https://hooks.example/a")));

        Assert.Contains("platform:receiverSecrets.oncall is not set; set it with pulumi config set --secret --path 'platform:receiverSecrets.oncall' <value>", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AHashedValueVerifiesAndStaysTheSameAcrossUpdatesUntilTheValueChanges()
    {
        var hash = SecretFromConfigArgs.StableBcrypt("correct horse", "argocd/argocd-secret/admin.password");

        Assert.StartsWith("$2a$10$", hash, StringComparison.Ordinal);
        Assert.True(BCrypt.Net.BCrypt.Verify("correct horse", hash));
        Assert.False(BCrypt.Net.BCrypt.Verify("correct horse battery", hash));
        Assert.Equal(hash, SecretFromConfigArgs.StableBcrypt("correct horse", "argocd/argocd-secret/admin.password"));
        Assert.NotEqual(hash, SecretFromConfigArgs.StableBcrypt("correct horse", "other/argocd-secret/admin.password"));
    }

    [Fact]
    public async Task AHashedEntryReachesTheSecretAsItsHashAndPlainDataAsPlanned()
    {
        var planned = new ConfigSecretPlan(
            "argocd-secret",
            "argocd",
            "argocdSecrets",
            [new SecretValuePlan("admin.password", "adminPassword", Bcrypt: true)],
            new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "argocd" },
            new Dictionary<string, string> { ["type"] = "git" });
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            _ = new SecretFromConfig("argocd", SecretFromConfigArgs.FromPlan(planned, Output.CreateSecret(ImmutableDictionary<string, string>.Empty.Add("adminPassword", "correct horse"))));
            return new Dictionary<string, object?>();
        }, "dev-local");

        var secret = Assert.Single(mocks.OfType("kubernetes:core/v1:Secret"));
        var hash = SecretData(secret, "admin.password")!;
        Assert.True(BCrypt.Net.BCrypt.Verify("correct horse", hash));
        Assert.Equal("git", SecretData(secret, "type"));
        var labels = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(EchoMocks.Input(secret, "metadata.labels"));
        Assert.Equal("argocd", labels["app.kubernetes.io/part-of"]);
    }

    [Fact]
    public async Task AnOptionalEntryThatIsNotSetIsLeftOutOfTheSecret()
    {
        var planned = new ConfigSecretPlan("argocd-secret", "argocd", "argocdSecrets", [new SecretValuePlan("admin.password", "adminPassword", Bcrypt: true, Optional: true)]);
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            _ = new SecretFromConfig("argocd", SecretFromConfigArgs.FromPlan(planned, Output.CreateSecret(ImmutableDictionary<string, string>.Empty)));
            return new Dictionary<string, object?>();
        }, "dev-local");

        var secret = Assert.Single(mocks.OfType("kubernetes:core/v1:Secret"));
        Assert.Empty(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(EchoMocks.Input(secret, "data")));
    }

    /// <summary>A key of a Secret's data as the program handed it over, decoded from base64; null when absent.</summary>
    private static string? SecretData(Pulumi.Testing.MockResourceArgs secret, string key) =>
        EchoMocks.Input(secret, "data") is IReadOnlyDictionary<string, object> data && data.TryGetValue(key, out var value)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)value))
            : null;
}
