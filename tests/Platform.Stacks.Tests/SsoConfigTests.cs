namespace Platform.Stacks.Tests;

/// <summary>Binding of <c>platform:sso</c>.</summary>
public class SsoConfigTests
{
    private const string Endpoints = "authUrl: https://idp.example.com/authorize, tokenUrl: https://idp.example.com/token, userInfoUrl: https://idp.example.com/userinfo";

    private static string Sso(string body) => $"platform:sso: {{ {body} }}";

    [Fact]
    public void AFullConfigurationBindsWithTheDefaultGroupsClaim()
    {
        var sso = Stacks.Valid(Stacks.GcpStaging(Sso($"issuer: https://idp.example.com, adminGroup: admins, argocdClientId: argo, grafanaClientId: graf, {Endpoints}"))).Spec.Sso!;

        Assert.Equal(("https://idp.example.com", "admins", "groups", "argo", "graf"), (sso.Issuer, sso.AdminGroup, sso.GroupsClaim, sso.ArgoCdClientId, sso.GrafanaClientId));
    }

    [Fact]
    public void TheIssuerMustBeHttps() => Stacks.Rejects(
        Stacks.GcpStaging(Sso($"issuer: http://idp.example.com, adminGroup: admins, argocdClientId: argo, grafanaClientId: graf, {Endpoints}")),
        "platform:sso.issuer: 'http://idp.example.com' is not an https URL; give the provider's issuer, e.g. https://accounts.example.com");

    [Fact]
    public void TheAdminGroupIsRequired() => Stacks.Rejects(
        Stacks.GcpStaging(Sso($"issuer: https://idp.example.com, argocdClientId: argo, grafanaClientId: graf, {Endpoints}")),
        "platform:sso.adminGroup: is required: the group whose members administer Argo CD and Grafana, e.g. platform-admins");

    [Fact]
    public void EachUiThatIsOnNeedsItsClientId() => Stacks.Rejects(
        Stacks.GcpStaging(Sso($"issuer: https://idp.example.com, adminGroup: admins, grafanaClientId: graf, {Endpoints}")),
        "platform:sso.argocdClientId: is required while Argo CD is on: its client id at the provider");

    [Fact]
    public void GrafanaNeedsTheProvidersEndpoints() => Stacks.Rejects(
        Stacks.GcpStaging(Sso("issuer: https://idp.example.com, adminGroup: admins, argocdClientId: argo, grafanaClientId: graf")),
        "platform:sso.tokenUrl: is required: the token endpoint, from the provider's discovery document (Grafana does not read it itself)");

    [Fact]
    public void WithGrafanaOffItsClientAndEndpointsAreNotNeeded() =>
        Assert.NotNull(Stacks.Valid(Stacks.GcpStaging("platform:addons: { grafana: false }", Sso("issuer: https://idp.example.com, adminGroup: admins, argocdClientId: argo"))).Spec.Sso);

    [Fact]
    public void TheClientSecretsAreSecretConfigEntries()
    {
        var result = Stacks.Plan(Stacks.GcpStaging(
            Sso($"issuer: https://idp.example.com, adminGroup: admins, argocdClientId: argo, grafanaClientId: graf, {Endpoints}"),
            "platform:argocdSecrets: { adminPassword: { secure: AAABAQ== } }",
            "platform:grafanaSecrets: { oidcClientSecret: { secure: AAABAQ== } }"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(
            ["platform:argocdSecrets.oidcClientSecret", "platform:grafanaSecrets.adminPassword"],
            result.Warnings.Where(w => w.Key.Contains("Secrets.", StringComparison.Ordinal)).Select(w => w.Key).Order(StringComparer.Ordinal));
    }
}
