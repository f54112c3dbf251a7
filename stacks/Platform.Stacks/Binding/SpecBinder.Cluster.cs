using System.Text.RegularExpressions;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Binding;

/// <content>Binding of <c>platform:cluster</c> and <c>platform:network</c>.</content>
public sealed partial class SpecBinder
{
    private static readonly string[] ReleaseChannels = ["RAPID", "REGULAR", "STABLE", "EXTENDED"];

    /// <summary>The GKE network policy modes <c>platform:cluster.networkPolicy</c> accepts.</summary>
    public static IReadOnlyList<string> NetworkPolicies { get; } = ["calico", "dataplaneV2"];

    private const string Anywhere = "0.0.0.0/0";

    private bool IsCloud => _cloud is CloudKind.Gcp or CloudKind.Aws;

    private ClusterSpec BindCluster()
    {
        var key = Key("cluster");
        var map = MapReader.Open(key, _raw.Get(key), _diagnostics);
        // When the cluster's settings are misspelled or not a map, what they lack is already explained.
        var unreadable = _misspelled.Contains("cluster") || (_raw.Get(key) is not null && map is null);
        var name = map?.String("name");
        var region = map?.String("region");
        var zones = map?.StringList("zones", "zones");
        var channelText = map?.String("releaseChannel");
        var version = map?.String("kubernetesVersion");
        var privateEndpoint = map?.Bool("privateEndpoint");
        var authorized = map?.StringList("authorizedNetworks", "CIDRs");
        var deletionProtection = map?.Bool("deletionProtection");
        var window = map?.String("maintenanceWindow");
        var kmsKey = map?.String("secretsEncryptionKey");
        var context = map?.String("context");
        var kubeconfig = map?.String("kubeconfig");
        var admins = map?.StringList("admins", "IAM role or user ARNs");
        var networkPolicy = map?.String("networkPolicy");
        map?.RejectUnknown();

        foreach (var cloudOnly in new[] { "region", "zones", "kubernetesVersion", "privateEndpoint", "authorizedNetworks", "deletionProtection", "maintenanceWindow" })
        {
            OnlyFor(map, cloudOnly, CloudKind.Gcp, CloudKind.Aws);
        }

        OnlyFor(map, "releaseChannel", CloudKind.Gcp);
        OnlyFor(map, "secretsEncryptionKey", CloudKind.Gcp, CloudKind.Aws);
        OnlyFor(map, "context", CloudKind.Existing);
        OnlyFor(map, "kubeconfig", CloudKind.Existing);
        OnlyFor(map, "admins", CloudKind.Aws);
        OnlyFor(map, "networkPolicy", CloudKind.Gcp);
        if (networkPolicy is not null && !NetworkPolicies.Contains(networkPolicy, StringComparer.Ordinal))
        {
            var guess = Suggest.Closest(networkPolicy, NetworkPolicies);
            var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
            _diagnostics.Error($"{key}.networkPolicy", $"{MapReader.Show(networkPolicy)} is not allowed; {hint}use {Suggest.OneOf(NetworkPolicies)} (fixed when the cluster is created)");
        }

        if (_cloud == CloudKind.Aws && !unreadable && ((admins is null && !(map?.Has("admins") ?? false)) || admins is { Count: 0 }))
        {
            _diagnostics.Error($"{key}.admins", "is required on aws: the cluster gives its creator no implicit access, so list at least the IAM role that runs pulumi up, e.g. [arn:aws:iam::123456789012:role/platform-deployer]");
        }
        foreach (var (arn, index) in (admins ?? []).Select((a, i) => (a, i)))
        {
            if (!IamPrincipal().IsMatch(arn))
            {
                _diagnostics.Error($"{key}.admins[{index}]", $"{MapReader.Show(arn)} is not an IAM role or user ARN; use arn:aws:iam::<12-digit account>:role/<name> or :user/<name>");
            }
        }

        if (_cloud == CloudKind.Aws && version is not null && KubernetesVersion().IsMatch(version) && Clusters.EksAddonCatalog.For(version) is null)
        {
            _diagnostics.Error($"{key}.kubernetesVersion", $"'{version}' has no pinned EKS add-on set; use {Suggest.OneOf(Clusters.EksAddonCatalog.Versions)}");
        }

        if (name is not null && Syntax.DnsLabelProblem(name, 40) is { } nameProblem)
        {
            _diagnostics.Error($"{key}.name", $"{MapReader.Show(name)} {nameProblem}");
        }

        if (name is null && Syntax.DnsLabelProblem(_raw.Stack, 40) is { } stackProblem)
        {
            _diagnostics.Error($"{key}.name", $"defaults to the stack name '{_raw.Stack}', which {stackProblem}; set a valid name");
        }

        var channel = channelText is null ? null : ReleaseChannels.FirstOrDefault(c => c.Equals(channelText, StringComparison.OrdinalIgnoreCase));
        if (channelText is not null && channel is null)
        {
            var guess = Suggest.Closest(channelText, ReleaseChannels);
            var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
            _diagnostics.Error($"{key}.releaseChannel", $"{MapReader.Show(channelText)} is not allowed; {hint}use {Suggest.OneOf(ReleaseChannels)}");
        }
        var cloudUnknown = _diagnostics.HasErrorAt(Key("cloud"));
        if (IsCloud && !unreadable)
        {
            CheckRegionAndZones(key, map, region, zones);
        }
        else if (!cloudUnknown && !unreadable && !IsCloud && context is null && !(map?.Has("context") ?? false))
        {
            _diagnostics.Error($"{key}.context", "is required when platform:cloud is existing; name a context from your kubeconfig, e.g. kind-platform");
        }

        if (version is not null && !KubernetesVersion().IsMatch(version))
        {
            _diagnostics.Error($"{key}.kubernetesVersion", $"{MapReader.Show(version)} is not a minor version; use the form 1.34");
        }

        if (kmsKey is not null && IsCloud)
        {
            CheckSecretsKey($"{key}.secretsEncryptionKey", kmsKey, region);
        }

        if (window is not null && !TimeOfDay().IsMatch(window))
        {
            _diagnostics.Error($"{key}.maintenanceWindow", $"{MapReader.Show(window)} is not a time of day; use HH:MM in UTC, e.g. 03:00");
        }

        foreach (var (cidr, index) in (authorized ?? []).Select((c, i) => (c, i)))
        {
            if (Syntax.CidrProblem(cidr, out _) is { } problem)
            {
                _diagnostics.Error($"{key}.authorizedNetworks[{index}]", $"{MapReader.Show(cidr)} {problem}");
            }
        }

        if (IsCloud && !unreadable && !_diagnostics.HasErrorAt($"{key}.authorizedNetworks"))
        {
            CheckEndpointExposure(key, privateEndpoint == true, authorized ?? []);
        }

        var cloud = IsCloud;
        return new ClusterSpec(
            PickRef($"{key}.name", name, _raw.Stack, "stack name"),
            cloud ? Record($"{key}.region", region) : null,
            cloud ? Record<IReadOnlyList<string>>($"{key}.zones", zones) ?? [] : [],
            _cloud == CloudKind.Gcp ? PickRef($"{key}.releaseChannel", channel, ProfileDefaults.ReleaseChannel(_profile), ProfileOrigin) : null,
            _cloud == CloudKind.Aws ? PickRef($"{key}.kubernetesVersion", version, ProfileDefaults.EksVersion, "version catalog") : (cloud ? Record($"{key}.kubernetesVersion", version) : null),
            cloud && Pick($"{key}.privateEndpoint", privateEndpoint, false, "default"),
            cloud ? Record<IReadOnlyList<string>>($"{key}.authorizedNetworks", authorized) ?? [] : [],
            cloud && Pick($"{key}.deletionProtection", deletionProtection, ProfileDefaults.DeletionProtection(_profile), ProfileOrigin),
            cloud ? PickRef($"{key}.maintenanceWindow", window, ProfileDefaults.MaintenanceWindow, "default") : ProfileDefaults.MaintenanceWindow,
            IsCloud ? Record($"{key}.secretsEncryptionKey", kmsKey) : null,
            _cloud == CloudKind.Existing ? Record($"{key}.context", context) : null,
            _cloud == CloudKind.Existing ? Record($"{key}.kubeconfig", kubeconfig) : null,
            _cloud == CloudKind.Aws ? Record<IReadOnlyList<string>>($"{key}.admins", admins) ?? [] : [],
            _cloud == CloudKind.Gcp ? PickRef($"{key}.networkPolicy", networkPolicy, "calico", "default") : null);
    }

    /// <summary>
    /// Who may reach the API server. An endpoint open to the internet is never a default: a public endpoint
    /// needs listed networks (0.0.0.0/0 only when written out, with a warning, and never in prod), and a private
    /// GKE endpoint needs private ranges, because GKE refuses it without authorized networks or with public ones.
    /// </summary>
    private void CheckEndpointExposure(string key, bool privateEndpoint, IReadOnlyList<string> authorized)
    {
        var networksKey = $"{key}.authorizedNetworks";
        if (privateEndpoint)
        {
            if (_cloud == CloudKind.Aws && authorized.Count > 0)
            {
                _diagnostics.Error(networksKey, $"[{string.Join(", ", authorized)}] are not used with privateEndpoint: true on aws (EKS's private endpoint is reached from inside the VPC); remove them or set privateEndpoint: false");
            }
            else if (_cloud == CloudKind.Gcp && authorized.Count == 0)
            {
                _diagnostics.Error(networksKey, "a private GKE endpoint needs at least one private range that may reach it (GKE refuses it otherwise), e.g. the VPC range or your VPN's range");
            }

            if (_cloud == CloudKind.Gcp)
            {
                foreach (var (cidr, index) in authorized.Select((c, i) => (c, i)))
                {
                    if (Syntax.CidrProblem(cidr, out var range) is null && !Syntax.IsPrivate(range))
                    {
                        _diagnostics.Error($"{networksKey}[{index}]", $"'{cidr}' is public, and GKE refuses public networks for a private endpoint; use private ranges or set privateEndpoint: false");
                    }
                }
            }

            return;
        }

        if (authorized.Count == 0)
        {
            var open = _profile == EnvironmentProfile.Prod ? string.Empty : $", or list {Anywhere} to open it to the internet on purpose";
            _diagnostics.Error(networksKey, $"a public endpoint needs at least one CIDR that may reach the API server; list your networks, set privateEndpoint: true{open}");
            return;
        }

        var anywhere = authorized.Select((c, i) => (c, i)).Where(x => x.c == Anywhere).ToList();
        foreach (var (_, index) in anywhere)
        {
            if (_profile == EnvironmentProfile.Prod)
            {
                _diagnostics.Error($"{networksKey}[{index}]", $"'{Anywhere}' opens the prod API server to the internet; list the networks that need it or set privateEndpoint: true");
            }
            else
            {
                _diagnostics.Warning($"{networksKey}[{index}]", $"'{Anywhere}' opens the API server to the internet; list the networks that need it instead");
            }
        }
    }

    /// <summary>The key must be a key name of the cloud's KMS, in the cluster's region.</summary>
    private void CheckSecretsKey(string key, string name, string? region)
    {
        var match = _cloud == CloudKind.Gcp ? CloudKmsKey().Match(name) : AwsKmsKey().Match(name);
        if (!match.Success)
        {
            var form = _cloud == CloudKind.Gcp
                ? "a Cloud KMS key name: projects/<project>/locations/<region>/keyRings/<ring>/cryptoKeys/<key>"
                : "a KMS key ARN: arn:aws:kms:<region>:<account>:key/<key id>";
            _diagnostics.Error(key, $"{MapReader.Show(name)} is not {form}");
            return;
        }

        var location = match.Groups["location"].Value;
        if (region is not null && location != region)
        {
            _diagnostics.Error(key, $"'{name}' is in '{location}' but the cluster is in '{region}'; {(_cloud == CloudKind.Gcp ? "GKE" : "EKS")} needs a key in the cluster's region");
        }
    }

    private T? Record<T>(string key, T? value)
        where T : class
    {
        if (value is not null)
        {
            _sources[key] = "config";
        }

        return value;
    }

    private void CheckRegionAndZones(string key, MapReader? map, string? region, IReadOnlyList<string>? zones)
    {
        var cloud = Lower(_cloud);
        if (region is null && !(map?.Has("region") ?? false))
        {
            var example = _cloud == CloudKind.Gcp ? "europe-west1" : "eu-west-1";
            _diagnostics.Error($"{key}.region", $"is required when platform:cloud is {cloud}; e.g. {example}");
        }
        else if (region is not null && !Region().IsMatch(region))
        {
            _diagnostics.Error($"{key}.region", $"{MapReader.Show(region)} is not a region name; use lowercase words and digits such as europe-west1 or eu-west-1");
        }

        var providerRegionKey = _cloud == CloudKind.Gcp ? "gcp:region" : "aws:region";
        var providerRegion = MapReader.ScalarText(providerRegionKey, _raw.Get(providerRegionKey), _diagnostics, "a region");
        if (providerRegion is not null && region is not null && providerRegion != region)
        {
            _diagnostics.Error(providerRegionKey, $"'{providerRegion}' contradicts platform:cluster.region '{region}'; set both to the same region or remove {providerRegionKey}");
        }

        if (zones is null)
        {
            if (!(map?.Has("zones") ?? false))
            {
                _diagnostics.Error($"{key}.zones", $"is required when platform:cloud is {cloud}; list zones of the region, e.g. [{ExampleZones(region)}]");
            }

            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            if (!seen.Add(zone))
            {
                _diagnostics.Error($"{key}.zones[{i}]", $"'{zone}' is listed twice; each zone once");
            }
            else if (region is not null && !ZoneInRegion(zone, region))
            {
                _diagnostics.Error($"{key}.zones[{i}]", $"{MapReader.Show(zone)} is not a zone of region '{region}'; use zones such as {ExampleZones(region)}");
            }
        }

        var min = ProfileDefaults.MinZones(_profile);
        if (seen.Count < min)
        {
            var got = seen.Count == 0 ? "got none" : $"got {seen.Count} ({string.Join(", ", seen)})";
            _diagnostics.Error($"{key}.zones", $"{Lower(_profile)} needs at least {min} zone{(min == 1 ? string.Empty : "s")}, {got}; add zones of the region");
        }
    }

    private bool ZoneInRegion(string zone, string region) => _cloud == CloudKind.Gcp
        ? zone.Length == region.Length + 2 && zone.StartsWith(region + "-", StringComparison.Ordinal) && char.IsAsciiLetterLower(zone[^1])
        : zone.Length == region.Length + 1 && zone.StartsWith(region, StringComparison.Ordinal) && char.IsAsciiLetterLower(zone[^1]);

    private string ExampleZones(string? region)
    {
        region ??= _cloud == CloudKind.Gcp ? "europe-west1" : "eu-west-1";
        var separator = _cloud == CloudKind.Gcp ? "-" : string.Empty;
        return string.Join(", ", new[] { 'a', 'b', 'c' }.Select(z => $"{region}{separator}{z}"));
    }

    private NetworkSpec? BindNetwork()
    {
        var key = Key("network");
        var node = _raw.Get(key);
        if (!IsCloud)
        {
            if (node is not null)
            {
                _diagnostics.Error(key, "is only used when platform:cloud is gcp or aws; an existing cluster brings its own network, so remove it");
            }

            return null;
        }

        var map = MapReader.Open(key, node, _diagnostics);
        var cidr = map?.String("cidr");
        var maxPods = map?.Int("maxPodsPerNode", 8, 256);
        var nodes = map?.String("nodesCidr");
        var pods = map?.String("podsCidr");
        var services = map?.String("servicesCidr");
        map?.RejectUnknown();
        OnlyFor(map, "nodesCidr", CloudKind.Gcp);
        if (_cloud == CloudKind.Aws && map is not null && map.Has("maxPodsPerNode"))
        {
            _diagnostics.Error(map.Child("maxPodsPerNode"), $"{(maxPods is { } given ? $"{given} " : string.Empty)}is not used on aws: the VPC CNI sets pods per node by instance type (m6i.xlarge runs 58), and the plan uses that figure; remove it");
        }

        OnlyFor(map, "podsCidr", CloudKind.Gcp);

        foreach (var (name, value) in new[] { ("cidr", cidr), ("nodesCidr", nodes), ("podsCidr", pods), ("servicesCidr", services) })
        {
            if (value is null)
            {
                continue;
            }

            if (Syntax.CidrProblem(value, out var network) is { } problem)
            {
                _diagnostics.Error($"{key}.{name}", $"{MapReader.Show(value)} {problem}");
            }
            else if (!Syntax.IsPrivate(network))
            {
                _diagnostics.Error($"{key}.{name}", $"'{value}' is not a private range; use a range inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10");
            }
        }

        return new NetworkSpec(
            PickRef($"{key}.cidr", cidr, ProfileDefaults.NetworkCidr(_profile), ProfileOrigin),
            Pick($"{key}.maxPodsPerNode", maxPods, ProfileDefaults.MaxPodsPerNode, "default"),
            _cloud == CloudKind.Gcp ? Record($"{key}.nodesCidr", nodes) : null,
            _cloud == CloudKind.Gcp ? Record($"{key}.podsCidr", pods) : null,
            Record($"{key}.servicesCidr", services));
    }

    [GeneratedRegex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/[A-Za-z0-9+=,.@_/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex IamPrincipal();

    [GeneratedRegex("^projects/[a-z][a-z0-9-]{4,28}[a-z0-9]/locations/(?<location>[a-z0-9-]+)/keyRings/[A-Za-z0-9_-]{1,63}/cryptoKeys/[A-Za-z0-9_-]{1,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex CloudKmsKey();

    [GeneratedRegex("^arn:aws[a-z-]*:kms:(?<location>[a-z0-9-]+):[0-9]{12}:key/[A-Za-z0-9-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex AwsKmsKey();

    [GeneratedRegex("^1\\.[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex KubernetesVersion();

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex("^[a-z]+(-[a-z]+)*-?[0-9]+$|^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Region();
}
