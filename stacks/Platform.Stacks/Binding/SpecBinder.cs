using System.Globalization;
using Platform.Stacks.Addons;
using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Binding;

/// <summary>
/// Turns raw stack configuration into a <see cref="PlatformSpec"/>: reads every <c>platform:</c> key with
/// its type, applies profile defaults where config is silent, and records where each value came from.
/// Every problem is reported to the diagnostic bag; binding continues so that all errors surface at once.
/// </summary>
public sealed partial class SpecBinder
{
    /// <summary>The config namespace of the platform, equal to the Pulumi project name.</summary>
    public const string Namespace = "platform";

    /// <summary>Every key the platform reads in its namespace, without the <c>platform:</c> prefix.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } =
        ["addons", "alerting", "argocdSecrets", "cloud", "cluster", "dns", "environment", "expiresAt", "gitops", "grafanaSecrets", "network", "nodePools", "owner", "receiverSecrets", "slos", "sso", "tenants"];

    /// <summary>The keys that hold maps of secrets, which only the program reads.</summary>
    public static IReadOnlyList<string> SecretMapKeys { get; } = ["argocdSecrets", "grafanaSecrets", "receiverSecrets"];

    private static readonly Dictionary<string, EnvironmentProfile> Environments = new(StringComparer.Ordinal)
    {
        ["dev"] = EnvironmentProfile.Dev,
        ["staging"] = EnvironmentProfile.Staging,
        ["prod"] = EnvironmentProfile.Prod,
    };

    private static readonly Dictionary<string, CloudKind> Clouds = new(StringComparer.Ordinal)
    {
        ["gcp"] = CloudKind.Gcp,
        ["aws"] = CloudKind.Aws,
        ["existing"] = CloudKind.Existing,
    };

    /// <summary>The furthest a dev stack's expiry should lie ahead; beyond it the binder warns.</summary>
    public static readonly TimeSpan MaxDevLifetime = TimeSpan.FromDays(30);

    private readonly RawConfig _raw;
    private readonly DiagnosticBag _diagnostics;
    private readonly TimeProvider _clock;

    /// <summary>Top-level keys that config names under a misspelling, so "required" errors for them would only be noise.</summary>
    private readonly HashSet<string> _misspelled = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _sources = new(StringComparer.Ordinal);
    private EnvironmentProfile _profile;
    private CloudKind _cloud;

    private SpecBinder(RawConfig raw, DiagnosticBag diagnostics, TimeProvider clock)
    {
        _raw = raw;
        _diagnostics = diagnostics;
        _clock = clock;
    }

    /// <summary>
    /// Binds <paramref name="raw"/>; the returned spec is only meaningful when no error was reported.
    /// <paramref name="clock"/> (default: the system clock) judges a dev stack's expiry; nothing else reads it.
    /// </summary>
    public static PlatformSpec Bind(RawConfig raw, DiagnosticBag diagnostics, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new SpecBinder(raw, diagnostics, clock ?? TimeProvider.System).Bind();
    }

    private string ProfileOrigin => "profile:" + Lower(_profile);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Key(string name) => $"{Namespace}:{name}";

    private PlatformSpec Bind()
    {
        CheckTopLevelKeys();
        _profile = BindEnvironment();
        _cloud = Pick(Key("cloud"), Choice(Key("cloud"), Clouds), CloudKind.Existing, "default");
        CheckProviderKeys();
        var gcpProject = BindGcpProject();
        var expiresAt = BindExpiry();
        var owner = BindOwner();
        var cluster = BindCluster();
        var network = BindNetwork();
        var pools = BindNodePools();
        var addons = BindAddons();
        var dns = BindDns();
        var gitops = BindGitOps();
        var tenants = BindTenants(pools);
        var slos = BindSlos(tenants);
        var alerting = BindAlerting(tenants);
        var sso = BindSso(addons);
        CheckArgoCdSecrets(addons, gitops, sso is not null);
        IReadOnlyList<string> grafana = !addons.Any(a => a.Name == "grafana" && a.Enabled) ? [] : sso is null ? ["adminPassword"] : ["adminPassword", "oidcClientSecret"];
        CheckSecretMap("grafanaSecrets", grafana, _profile == EnvironmentProfile.Dev ? [] : grafana, "a Grafana secret this stack uses", "entries", "<value>");
        var secretMaps = SecretMapKeys.Where(k => _raw.Get(Key(k)) is not null).ToList();
        return new PlatformSpec(
            _raw.Stack, _profile, _cloud, gcpProject, expiresAt, cluster, network, pools, addons, dns, gitops, tenants, slos, _sources, owner, alerting, secretMaps, sso);
    }

    private void CheckTopLevelKeys()
    {
        foreach (var (key, _) in _raw.Values)
        {
            var colon = key.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                var guess = TopLevelKeys.Contains(key, StringComparer.Ordinal) ? key : Suggest.Closest(key, TopLevelKeys);
                var hint = guess is null ? string.Empty : $"; did you mean '{Key(guess)}'?";
                _diagnostics.Error(key, $"config keys need a namespace{hint}");
                continue;
            }

            var ns = key[..colon];
            var name = key[(colon + 1)..];
            if (ns == Namespace)
            {
                if (!TopLevelKeys.Contains(name, StringComparer.Ordinal))
                {
                    var guess = Suggest.Closest(name, TopLevelKeys);
                    if (guess is not null)
                    {
                        _misspelled.Add(guess);
                    }

                    var hint = guess is null ? string.Empty : $"did you mean '{Key(guess)}'? ";
                    _diagnostics.Error(key, $"is not a known key; {hint}allowed keys: {string.Join(", ", TopLevelKeys.Select(Key))}");
                }
            }
            else if (Suggest.Distance(ns, Namespace) is > 0 and <= 2)
            {
                _diagnostics.Error(key, $"uses the unknown namespace '{ns}'; did you mean '{Key(name)}'?");
            }
        }
    }

    /// <summary>Provider settings of the other cloud are mistakes: they would be silently ignored.</summary>
    private void CheckProviderKeys()
    {
        if (_diagnostics.HasErrorAt(Key("cloud")))
        {
            return;
        }

        foreach (var (key, _) in _raw.Values)
        {
            var provider = key.Split(':')[0];
            var cloud = provider switch
            {
                "gcp" when key is "gcp:project" or "gcp:region" or "gcp:zone" => CloudKind.Gcp,
                "aws" when key is "aws:region" => CloudKind.Aws,
                _ => _cloud,
            };
            if (cloud != _cloud)
            {
                _diagnostics.Error(key, $"is only used when platform:cloud is {Lower(cloud)}; this stack uses {Lower(_cloud)}, so remove it");
            }
        }
    }

    private EnvironmentProfile BindEnvironment()
    {
        var key = Key("environment");
        var stack = _raw.Stack;
        EnvironmentProfile? fromName = stack switch
        {
            "prod" => EnvironmentProfile.Prod,
            "staging" => EnvironmentProfile.Staging,
            _ when stack.StartsWith("dev-", StringComparison.Ordinal) || stack.StartsWith("pr-", StringComparison.Ordinal) => EnvironmentProfile.Dev,
            _ => null,
        };
        var explicitValue = Choice(key, Environments);
        if (explicitValue is { } chosen)
        {
            if (fromName is { } implied && implied != chosen)
            {
                _diagnostics.Error(key, $"'{Lower(chosen)}' contradicts the stack name '{stack}', which implies {Lower(implied)}; use {Lower(implied)} or rename the stack");
            }

            _sources[key] = "config";
            return chosen;
        }

        if (fromName is { } derived)
        {
            _sources[key] = "stack name";
            return derived;
        }

        if (_raw.Get(key) is null)
        {
            _diagnostics.Error(key, $"is required for stack '{stack}' (only prod, staging, dev-* and pr-* stacks imply it); use dev, staging or prod");
        }

        return EnvironmentProfile.Dev;
    }

    private string? BindGcpProject()
    {
        var node = _raw.Get("gcp:project");
        var project = MapReader.ScalarText("gcp:project", node, _diagnostics, "a project id");
        if (_cloud != CloudKind.Gcp)
        {
            return null;
        }

        if (project is null)
        {
            if (node is null)
            {
                _diagnostics.Error("gcp:project", "is required when platform:cloud is gcp; set it with `pulumi config set gcp:project <project-id>`");
            }

            return null;
        }

        if (Syntax.DnsLabelProblem(project, 30) is not null || project.Length < 6)
        {
            _diagnostics.Error("gcp:project", $"{MapReader.Show(project)} is not a GCP project id; use 6-30 lowercase letters, digits and '-', starting with a letter");
        }

        return project;
    }

    private string? BindOwner()
    {
        var key = Key("owner");
        var owner = MapReader.ScalarText(key, _raw.Get(key), _diagnostics, "a person or team, e.g. team-platform");
        if (owner is null)
        {
            return null;
        }

        if (owner.Length is 0 or > 63)
        {
            _diagnostics.Error(key, $"{MapReader.Show(owner)} must be 1 to 63 characters; it becomes a label on every cloud resource");
            return null;
        }

        _sources[key] = "config";
        return owner;
    }

    /// <summary>The forms <c>platform:expiresAt</c> accepts, all read as UTC.</summary>
    public static IReadOnlyList<string> ExpiryFormats { get; } = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK"];

    private DateTimeOffset? BindExpiry()
    {
        var key = Key("expiresAt");
        var text = MapReader.ScalarText(key, _raw.Get(key), _diagnostics, "a date such as 2026-12-31");
        DateTimeOffset? value = null;
        if (text is not null)
        {
            if (DateTimeOffset.TryParseExact(text, [.. ExpiryFormats], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                value = parsed;
                _sources[key] = "config";
            }
            else
            {
                _diagnostics.Error(key, $"{MapReader.Show(text)} is not a date; use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ (UTC)");
            }
        }

        var now = _clock.GetUtcNow();
        if (_profile == EnvironmentProfile.Dev && value is { } expiry)
        {
            if (expiry <= now)
            {
                _diagnostics.Error(key, $"{MapReader.Show(text!)} is in the past, so the janitor would destroy the stack at once; use a later date");
            }
            else if (expiry - now > MaxDevLifetime)
            {
                _diagnostics.Warning(key, Invariant($"{MapReader.Show(text!)} is more than {MaxDevLifetime.TotalDays:0} days away; dev stacks are meant to be short-lived, so consider an earlier date"));
            }
        }

        if (_profile == EnvironmentProfile.Dev && _raw.Get(key) is null && !_misspelled.Contains("expiresAt"))
        {
            _diagnostics.Error(key, "is required for dev stacks so the janitor can destroy them; use a date such as 2026-12-31");
        }
        else if (_profile != EnvironmentProfile.Dev && text is not null)
        {
            _diagnostics.Error(key, $"{MapReader.Show(text)} is only for dev stacks; {Lower(_profile)} stacks never expire, remove the key");
        }

        return _profile == EnvironmentProfile.Dev ? value : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private T? Choice<T>(string key, IReadOnlyDictionary<string, T> allowed)
        where T : struct
    {
        var text = MapReader.ScalarText(key, _raw.Get(key), _diagnostics, "one of " + Suggest.OneOf(allowed.Keys));
        return text is null ? null : MapReader.ParseChoice(key, text, allowed, _diagnostics);
    }

    /// <summary>Takes the configured value when present, else the fallback, and records which.</summary>
    private T Pick<T>(string key, T? configured, T fallback, string origin)
        where T : struct
    {
        _sources[key] = configured.HasValue ? "config" : origin;
        return configured ?? fallback;
    }

    /// <summary>Reference-type twin of <see cref="Pick{T}"/>.</summary>
    private T PickRef<T>(string key, T? configured, T fallback, string origin)
        where T : class
    {
        _sources[key] = configured is not null ? "config" : origin;
        return configured ?? fallback;
    }

    private void OnlyFor(MapReader? map, string name, params CloudKind[] clouds)
    {
        if (map is null || !map.Has(name) || clouds.Contains(_cloud))
        {
            return;
        }

        _diagnostics.Error(map.Child(name), $"is only used when platform:cloud is {Suggest.OneOf(clouds.Select(c => Lower(c)))}; this stack uses {Lower(_cloud)}, so remove it");
    }

    private IReadOnlyList<AddonSpec> BindAddons()
    {
        var map = MapReader.Open(Key("addons"), _raw.Get(Key("addons")), _diagnostics);
        var ha = ProfileDefaults.HighAvailability(_profile);
        var result = new List<AddonSpec>();
        foreach (var addon in AddonCatalog.All)
        {
            var key = Key($"addons.{addon.Name}");
            bool? enabled = null;
            bool? highAvailability = null;
            var node = map?.Node(addon.Name);
            if (node is ConfigScalar)
            {
                enabled = map!.Bool(addon.Name);
            }
            else if (node is not null)
            {
                var settings = MapReader.Open(key, node, _diagnostics);
                enabled = settings?.Bool("enabled");
                highAvailability = settings?.Bool("ha");
                settings?.RejectUnknown();
            }

            result.Add(new AddonSpec(
                addon.Name,
                Pick(key + ".enabled", enabled, addon.EnabledByDefault(_profile, _cloud), ProfileOrigin),
                Pick(key + ".ha", highAvailability, ha, ProfileOrigin)));
        }

        map?.RejectUnknown();
        return result;
    }

    private DnsSpec? BindDns()
    {
        var key = Key("dns");
        var map = MapReader.Open(key, _raw.Get(key), _diagnostics);
        var domain = map?.String("domain");
        var zone = map?.String("zone");
        var issuer = map?.String("issuer");
        var email = map?.String("acmeEmail");
        map?.RejectUnknown();
        if (map is null)
        {
            return null;
        }

        if (domain is null)
        {
            if (!map.Has("domain"))
            {
                _diagnostics.Error(map.Child("domain"), "is required when platform:dns is set; e.g. prod.example.com");
            }

            return null;
        }

        if (Syntax.DomainProblem(domain) is { } problem)
        {
            _diagnostics.Error(map.Child("domain"), $"{MapReader.Show(domain)} {problem}");
        }

        CheckZone(map, zone);
        var issuerValid = issuer is null || DnsSpec.Issuers.Contains(issuer, StringComparer.Ordinal);
        if (issuer is not null && !issuerValid)
        {
            var guess = Suggest.Closest(issuer, DnsSpec.Issuers);
            var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
            _diagnostics.Error(map.Child("issuer"), $"{MapReader.Show(issuer)} is not allowed; {hint}use {Suggest.OneOf(DnsSpec.Issuers)}");
        }
        else if (issuer is null && _profile == EnvironmentProfile.Prod && IsCloud)
        {
            _diagnostics.Error(map.Child("issuer"), "is required in prod: choose letsencrypt for a publicly trusted certificate, or internal for the platform's own CA");
        }

        // An issuer already reported as unknown asks for nothing more.
        var chosen = issuerValid ? issuer ?? "internal" : "internal";
        if (chosen != "internal")
        {
            if (!IsCloud)
            {
                _diagnostics.Error(map.Child("issuer"), $"'{chosen}' needs a cloud DNS zone for DNS-01, which an existing cluster does not have; use internal");
            }

            if (email is null && !map.Has("acmeEmail"))
            {
                _diagnostics.Error(map.Child("acmeEmail"), $"is required with issuer {chosen}: Let's Encrypt sends expiry and policy notices there; e.g. platform-team@example.com");
            }
        }

        if (email is not null && !email.Contains('@', StringComparison.Ordinal))
        {
            _diagnostics.Error(map.Child("acmeEmail"), $"{MapReader.Show(email)} is not an e-mail address; use one such as platform-team@example.com");
        }

        _sources[map.Child("domain")] = "config";
        return new DnsSpec(
            domain,
            IsCloud ? Record(map.Child("zone"), zone) : null,
            PickRef(map.Child("issuer"), issuer, "internal", "default"),
            Record(map.Child("acmeEmail"), email));
    }

    /// <summary>The zone names a Cloud DNS managed zone on gcp and a Route53 hosted zone id on aws.</summary>
    private void CheckZone(MapReader map, string? zone)
    {
        var key = map.Child("zone");
        if (!IsCloud)
        {
            OnlyFor(map, "zone", CloudKind.Gcp, CloudKind.Aws);
            return;
        }

        var example = _cloud == CloudKind.Gcp ? "the managed zone's name, e.g. prod-example-com" : "the hosted zone's id, e.g. Z0123456789ABCDEFGHIJ";
        var rule = _cloud == CloudKind.Gcp
            ? "lowercase letters, digits and '-', starting with a letter, at most 63 characters"
            : "'Z' then up to 31 uppercase letters and digits";
        if (zone is null)
        {
            if (!map.Has("zone"))
            {
                _diagnostics.Error(key, $"is required on {Lower(_cloud)}: external-dns and certificate validation write records there; give {example}");
            }

            return;
        }

        var valid = _cloud == CloudKind.Gcp ? CloudDnsZone().IsMatch(zone) : HostedZoneId().IsMatch(zone);
        if (!valid)
        {
            _diagnostics.Error(key, $"{MapReader.Show(zone)} is not {example} ({rule})");
        }
    }

    /// <summary>
    /// The entries of <c>platform:argocdSecrets</c> a stack needs: the admin password wherever Argo CD is on, and the
    /// repository's credentials when <c>platform:gitops.credentials</c> asks for them.
    /// </summary>
    public static IReadOnlyList<string> ArgoCdSecretEntries(bool argocd, GitOpsSpec? gitops, bool sso = false)
    {
        if (!argocd)
        {
            return [];
        }

        IReadOnlyList<string> repository = (gitops?.Credentials) switch
        {
            "https" => ["repoPassword", "repoUsername"],
            "ssh" => ["repoSshKey"],
            _ => [],
        };
        return [.. new[] { "adminPassword" }.Concat(sso ? ["oidcClientSecret"] : []).Concat(repository)];
    }

    private void CheckArgoCdSecrets(IReadOnlyList<AddonSpec> addons, GitOpsSpec? gitops, bool sso)
    {
        // A dev stack may leave the admin password to Argo CD.
        var entries = ArgoCdSecretEntries(addons.Any(a => a.Name == "argocd" && a.Enabled), gitops, sso);
        var required = _profile == EnvironmentProfile.Dev ? entries.Where(e => e != "adminPassword").ToList() : entries;
        CheckSecretMap("argocdSecrets", entries, required, "an Argo CD secret this stack uses", "entries", "<value>");
    }

    /// <summary>How Argo CD may authenticate to the GitOps repository.</summary>
    public static IReadOnlyList<string> GitCredentials { get; } = ["none", "https", "ssh"];

    private GitOpsSpec? BindGitOps()
    {
        var map = MapReader.Open(Key("gitops"), _raw.Get(Key("gitops")), _diagnostics);
        if (map is null)
        {
            return null;
        }

        var repoUrl = map.String("repoUrl");
        var path = map.String("path");
        var revision = map.String("revision");
        var prune = map.Bool("prune");
        var selfHeal = map.Bool("selfHeal");
        var credentials = map.String("credentials");
        map.RejectUnknown();
        if (credentials is not null && !GitCredentials.Contains(credentials, StringComparer.Ordinal))
        {
            _diagnostics.Error(map.Child("credentials"), $"{MapReader.Show(credentials)} is not allowed; use {Suggest.OneOf(GitCredentials)}");
        }
        else if (credentials == "ssh" && repoUrl is not null && repoUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            _diagnostics.Error(map.Child("credentials"), $"ssh needs an ssh repoUrl (git@host:org/repo.git), not {MapReader.Show(repoUrl)}");
        }
        else if (credentials == "https" && repoUrl is not null && !repoUrl.StartsWith("https://", StringComparison.Ordinal))
        {
            _diagnostics.Error(map.Child("credentials"), $"https needs an https repoUrl, not {MapReader.Show(repoUrl)}");
        }

        if (repoUrl is null)
        {
            if (!map.Has("repoUrl"))
            {
                _diagnostics.Error(map.Child("repoUrl"), "is required when platform:gitops is set; use an https or ssh Git URL, e.g. https://github.com/acme/platform-gitops");
            }

            return null;
        }

        if (!IsGitUrl(repoUrl))
        {
            _diagnostics.Error(map.Child("repoUrl"), $"{MapReader.Show(repoUrl)} is not a Git URL; use https://host/org/repo or git@host:org/repo.git");
        }

        if (path is not null && (path.Length == 0 || path.StartsWith('/') || path.Split('/').Contains("..")))
        {
            _diagnostics.Error(map.Child("path"), $"{MapReader.Show(path)} must be a relative folder inside the repository, e.g. overlays/prod");
        }

        if (revision is { Length: 0 })
        {
            _diagnostics.Error(map.Child("revision"), "must not be empty; use a branch, tag or commit, e.g. main");
        }

        _sources[map.Child("repoUrl")] = "config";
        return new GitOpsSpec(
            repoUrl,
            PickRef(map.Child("path"), path, $"overlays/{Lower(_profile)}", ProfileOrigin),
            PickRef(map.Child("revision"), revision, "main", "default"),
            Pick(map.Child("prune"), prune, true, "default"),
            Pick(map.Child("selfHeal"), selfHeal, true, "default"),
            PickRef(map.Child("credentials"), credentials, "none", "default"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CloudDnsZone();

    [System.Text.RegularExpressions.GeneratedRegex("^Z[A-Z0-9]{1,31}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex HostedZoneId();

    private static bool IsGitUrl(string url)
    {
        if (url.StartsWith("git@", StringComparison.Ordinal))
        {
            var colon = url.IndexOf(':', StringComparison.Ordinal);
            return colon > 4 && colon < url.Length - 1 && !url.Contains(' ', StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == "ssh")
            && uri.Host.Length > 0
            && uri.AbsolutePath.Trim('/').Length > 0;
    }
}
