namespace Platform.Stacks.Model;

/// <summary>Single sign-on for Argo CD and Grafana through an OpenID Connect provider (<c>platform:sso</c>).</summary>
/// <param name="Issuer">The provider's issuer URL (https); Argo CD discovers its endpoints from it.</param>
/// <param name="AdminGroup">The group whose members administer Argo CD and Grafana; everyone else signed in may view.</param>
/// <param name="GroupsClaim">The ID token claim that lists a user's groups. Default: groups.</param>
/// <param name="ArgoCdClientId">Argo CD's client id at the provider; required when Argo CD is on.</param>
/// <param name="GrafanaClientId">Grafana's client id at the provider; required when Grafana is on.</param>
/// <param name="AuthUrl">The provider's authorization endpoint, for Grafana, which does not use discovery.</param>
/// <param name="TokenUrl">The provider's token endpoint, for Grafana.</param>
/// <param name="UserInfoUrl">The provider's userinfo endpoint, for Grafana.</param>
public sealed record SsoSpec(
    string Issuer,
    string AdminGroup,
    string GroupsClaim,
    string? ArgoCdClientId,
    string? GrafanaClientId,
    string? AuthUrl,
    string? TokenUrl,
    string? UserInfoUrl);
