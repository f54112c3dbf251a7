using Platform.Stacks.Model;

namespace Platform.Stacks.Binding;

/// <content>Binding of <c>platform:sso</c>.</content>
public sealed partial class SpecBinder
{
    private SsoSpec? BindSso(IReadOnlyList<AddonSpec> addons)
    {
        var map = MapReader.Open(Key("sso"), _raw.Get(Key("sso")), _diagnostics);
        if (map is null)
        {
            return null;
        }

        var issuer = HttpsUrl(map, "issuer", required: true, "the provider's issuer, e.g. https://accounts.example.com");
        var adminGroup = map.String("adminGroup");
        var groupsClaim = map.String("groupsClaim");
        var argocd = addons.Any(a => a.Name == "argocd" && a.Enabled);
        var grafana = addons.Any(a => a.Name == "grafana" && a.Enabled);
        var argocdClientId = ClientId(map, "argocdClientId", argocd, "Argo CD");
        var grafanaClientId = ClientId(map, "grafanaClientId", grafana, "Grafana");
        const string Endpoint = "from the provider's discovery document (Grafana does not read it itself)";
        var authUrl = HttpsUrl(map, "authUrl", grafana, $"the authorization endpoint, {Endpoint}");
        var tokenUrl = HttpsUrl(map, "tokenUrl", grafana, $"the token endpoint, {Endpoint}");
        var userInfoUrl = HttpsUrl(map, "userInfoUrl", grafana, $"the userinfo endpoint, {Endpoint}");
        map.RejectUnknown();
        if (adminGroup is null && !map.Has("adminGroup"))
        {
            _diagnostics.Error(map.Child("adminGroup"), "is required: the group whose members administer Argo CD and Grafana, e.g. platform-admins");
        }
        else if (adminGroup is { Length: 0 } || adminGroup?.Contains('\'', StringComparison.Ordinal) == true)
        {
            _diagnostics.Error(map.Child("adminGroup"), $"{MapReader.Show(adminGroup!)} is not a group name; give the group as the provider puts it in the token");
        }

        if (groupsClaim is not null && !ClaimName().IsMatch(groupsClaim))
        {
            _diagnostics.Error(map.Child("groupsClaim"), $"{MapReader.Show(groupsClaim)} is not a claim name; use letters, digits and _ . -, e.g. groups");
        }

        if (issuer is null || adminGroup is null)
        {
            return null;
        }

        _sources[Key("sso")] = "config";
        return new SsoSpec(issuer, adminGroup, groupsClaim ?? "groups", argocdClientId, grafanaClientId, authUrl, tokenUrl, userInfoUrl);
    }

    private string? ClientId(MapReader map, string name, bool required, string what)
    {
        var value = map.String(name);
        if (value is null && required && !map.Has(name))
        {
            _diagnostics.Error(map.Child(name), $"is required while {what} is on: its client id at the provider");
        }

        return value;
    }

    private string? HttpsUrl(MapReader map, string name, bool required, string what)
    {
        var value = map.String(name);
        if (value is null)
        {
            if (required && !map.Has(name))
            {
                _diagnostics.Error(map.Child(name), $"is required: {what}");
            }

            return null;
        }

        if (!IsHttpsUrl(value))
        {
            _diagnostics.Error(map.Child(name), $"{MapReader.Show(value)} is not an https URL; give {what}");
            return null;
        }

        return value;
    }

    /// <summary>An absolute https URL without spaces.</summary>
    private static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "https" && !value.Contains(' ', StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_.-]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClaimName();
}
