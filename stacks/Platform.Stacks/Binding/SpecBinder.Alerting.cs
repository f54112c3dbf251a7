using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Binding;

/// <content>Binding of <c>platform:alerting</c> and the shape of <c>platform:receiverSecrets</c>.</content>
public sealed partial class SpecBinder
{
    /// <summary>The receiver kinds Alertmanager is configured for.</summary>
    public static IReadOnlyList<string> ReceiverKinds { get; } = ["pagerduty", "slack", "webhook"];

    private AlertingSpec? BindAlerting(IReadOnlyList<TenantSpec> tenants)
    {
        var map = MapReader.Open(Key("alerting"), _raw.Get(Key("alerting")), _diagnostics);
        if (map is null)
        {
            CheckReceiverSecrets([]);
            return null;
        }

        var receivers = BindReceivers(map.Map("receivers"));
        var names = receivers.Select(r => r.Name).ToList();
        var critical = ReceiverRef(map, "critical", names);
        var warning = ReceiverRef(map, "warning", names);
        var teams = new List<TeamRouteSpec>();
        if (map.Map("teams") is { } teamsMap)
        {
            foreach (var (team, node) in teamsMap.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (!tenants.Any(t => t.Name == team))
                {
                    var known = tenants.Select(t => t.Name).ToList();
                    _diagnostics.Error(teamsMap.Child(team), $"is not a tenant; teams are tenants: {(known.Count == 0 ? "none defined" : string.Join(", ", known))}");
                    continue;
                }

                if (MapReader.Open(teamsMap.Child(team), node, _diagnostics) is not { } route)
                {
                    continue;
                }

                var teamCritical = ReceiverRef(route, "critical", names);
                var teamWarning = ReceiverRef(route, "warning", names);
                route.RejectUnknown();
                teams.Add(new TeamRouteSpec(team, teamCritical, teamWarning));
            }
        }

        map.RejectUnknown();
        CheckReceiverSecrets(names);
        _sources[Key("alerting")] = "config";
        return new AlertingSpec(receivers, critical, warning, teams);
    }

    private List<ReceiverSpec> BindReceivers(MapReader? map)
    {
        var receivers = new List<ReceiverSpec>();
        if (map is null)
        {
            return receivers;
        }

        foreach (var (name, node) in map.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var key = map.Child(name);
            if (Syntax.DnsLabelProblem(name) is { } problem)
            {
                _diagnostics.Error(key, $"is not a valid receiver name: it {problem}");
                continue;
            }

            if (MapReader.Open(key, node, _diagnostics) is not { } receiver)
            {
                continue;
            }

            var kind = receiver.String("type");
            var channel = receiver.String("channel");
            var url = receiver.String("url");
            receiver.RejectUnknown();
            if (kind is null)
            {
                if (!receiver.Has("type"))
                {
                    _diagnostics.Error(receiver.Child("type"), $"is required; use {Suggest.OneOf(ReceiverKinds)}");
                }

                continue;
            }

            if (!ReceiverKinds.Contains(kind, StringComparer.Ordinal))
            {
                _diagnostics.Error(receiver.Child("type"), $"{MapReader.Show(kind)} is not allowed; use {Suggest.OneOf(ReceiverKinds)}");
                continue;
            }

            if (kind == "slack" && channel is null && !receiver.Has("channel"))
            {
                _diagnostics.Error(receiver.Child("channel"), "is required for a slack receiver, e.g. \"#platform-alerts\"");
            }
            else if (kind != "slack" && channel is not null)
            {
                _diagnostics.Error(receiver.Child("channel"), $"applies only to slack receivers, not {kind}");
            }

            if (kind == "webhook" && url is null && !receiver.Has("url"))
            {
                _diagnostics.Error(receiver.Child("url"), "is required for a webhook receiver, e.g. https://hooks.example.com/alerts; its bearer token goes in platform:receiverSecrets");
            }
            else if (kind != "webhook" && url is not null)
            {
                _diagnostics.Error(receiver.Child("url"), $"applies only to webhook receivers; a {kind} receiver's URL or key is secret and goes in platform:receiverSecrets");
            }
            else if (url is not null && !IsHttpsUrl(url))
            {
                _diagnostics.Error(receiver.Child("url"), $"{MapReader.Show(url)} must be an https URL, so the bearer token is never sent in clear");
            }

            receivers.Add(new ReceiverSpec(name, kind, channel, url));
        }

        return receivers;
    }

    private string? ReceiverRef(MapReader map, string name, IReadOnlyList<string> receivers)
    {
        var value = map.String(name);
        if (value is not null && !receivers.Contains(value, StringComparer.Ordinal))
        {
            var guess = Suggest.Closest(value, receivers);
            var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
            _diagnostics.Error(map.Child(name), $"'{value}' is not a receiver; {hint}receivers: {(receivers.Count == 0 ? "none defined" : string.Join(", ", receivers))}");
            return null;
        }

        return value;
    }

    /// <summary>
    /// <c>platform:receiverSecrets</c> holds each receiver's URL, key or token; see <see cref="CheckSecretMap"/>.
    /// Receivers are only used outside dev.
    /// </summary>
    private void CheckReceiverSecrets(IReadOnlyList<string> receivers) =>
        CheckSecretMap("receiverSecrets", receivers, _profile == EnvironmentProfile.Dev ? [] : receivers, "a receiver of platform:alerting", "receivers", "<url or key>");

    /// <summary>
    /// Checks a map of secrets the program reads (<c>platform:&lt;name&gt;</c>). The plan never reads the values; where
    /// it can see the map's entries (each encrypted with <c>--path</c>) it checks that each is encrypted and one of
    /// <paramref name="expected"/>, and warns of a <paramref name="required"/> entry missing from a map that is there. A
    /// map encrypted as a whole, as the engine also hands it over, is left to the program, which names a missing entry
    /// when it reads the values.
    /// </summary>
    private void CheckSecretMap(string name, IReadOnlyList<string> expected, IReadOnlyList<string> required, string noun, string plural, string example)
    {
        var key = Key(name);
        var node = _raw.Get(key);
        var present = new HashSet<string>(StringComparer.Ordinal);
        if (node is ConfigSecret)
        {
            return;
        }

        if (MapReader.Open(key, node, _diagnostics) is { } map)
        {
            foreach (var (entry, value) in map.Entries)
            {
                present.Add(entry);
                if (!expected.Contains(entry, StringComparer.Ordinal))
                {
                    _diagnostics.Error(map.Child(entry), $"is not {noun}; {plural}: {(expected.Count == 0 ? "none" : string.Join(", ", expected))}");
                }
                else if (value is not ConfigSecret)
                {
                    _diagnostics.Error(map.Child(entry), $"is in plain text; set it as a secret with pulumi config set --secret --path '{map.Child(entry)}' {example}");
                }
            }
        }

        // With no map at all the render stays quiet: the program stops with the command that sets the first entry. A
        // map that lacks an entry is more likely a mistake, so that is worth a warning.
        if (node is null)
        {
            return;
        }

        foreach (var entry in required.Where(r => !present.Contains(r)))
        {
            _diagnostics.Warning($"{key}.{entry}", $"is not set, so `pulumi up` stops until it is; set it with pulumi config set --secret --path '{key}.{entry}' {example}");
        }
    }
}
