using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;
using Platform.Stacks.Planning;

namespace Platform.Stacks.Binding;

/// <content>Binding of <c>platform:nodePools</c>.</content>
public sealed partial class SpecBinder
{
    /// <summary>Largest per-zone bound accepted, well above any single pool a platform needs.</summary>
    public const int MaxNodesPerZone = 1000;

    private static readonly Dictionary<string, NodePoolRole> Roles = new(StringComparer.Ordinal)
    {
        ["system"] = NodePoolRole.System,
        ["general"] = NodePoolRole.General,
        ["compute"] = NodePoolRole.Compute,
        ["stateful"] = NodePoolRole.Stateful,
    };

    private static readonly Dictionary<string, TaintEffect> Effects = new(StringComparer.Ordinal)
    {
        ["NoSchedule"] = TaintEffect.NoSchedule,
        ["PreferNoSchedule"] = TaintEffect.PreferNoSchedule,
        ["NoExecute"] = TaintEffect.NoExecute,
    };

    private static readonly string[] GcpDiskTypes = ["pd-balanced", "pd-ssd", "pd-standard", "hyperdisk-balanced"];
    private static readonly string[] AwsDiskTypes = ["gp3", "gp2", "io1", "io2"];

    private IReadOnlyList<NodePoolSpec> BindNodePools()
    {
        var key = Key("nodePools");
        var node = _raw.Get(key);
        if (!IsCloud)
        {
            if (node is not null)
            {
                _diagnostics.Error(key, "is only used when platform:cloud is gcp or aws; an existing cluster brings its own nodes, so remove it");
            }

            return [];
        }

        var map = MapReader.Open(key, node, _diagnostics);
        if (map is not null)
        {
            foreach (var entry in map.Entries.Where(e => !Roles.ContainsKey(e.Key)))
            {
                var guess = Suggest.Closest(entry.Key, Roles.Keys);
                var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
                _diagnostics.Error(map.Child(entry.Key), $"is not a node pool role; {hint}pools are {Suggest.OneOf(Roles.Keys)}");
            }
        }

        var pools = new List<NodePoolSpec>();
        foreach (var (roleName, role) in Roles)
        {
            var pool = BindPool(map, roleName, role);
            if (pool is not null)
            {
                pools.Add(pool);
            }
        }

        if (!pools.Exists(p => p.Role == NodePoolRole.System))
        {
            _diagnostics.Error($"{key}.system.enabled", "false is not allowed: the system pool runs the critical add-ons; keep it enabled");
        }

        return pools;
    }

    private NodePoolSpec? BindPool(MapReader? pools, string roleName, NodePoolRole role)
    {
        var key = Key($"nodePools.{roleName}");
        var map = pools is null ? null : MapReader.Open(key, pools.Node(roleName), _diagnostics);
        var defaults = ProfileDefaults.Pool(_profile, role);
        var enabled = Pick($"{key}.enabled", map?.Bool("enabled"), defaults.Enabled, ProfileOrigin);
        var machineType = map?.String("machineType");
        var min = map?.Int("minNodes", 0, MaxNodesPerZone);
        var max = map?.Int("maxNodes", 0, MaxNodesPerZone);
        var spot = map?.Bool("spot");
        var diskSize = map?.Int("diskSizeGb", 20, 4096);
        var diskType = map?.String("diskType");
        var labels = map?.StringMap("labels");
        var taintTexts = map?.StringList("taints", "taints such as key=value:NoSchedule");
        var generation = map?.Int("generation", 1, 99);
        map?.RejectUnknown();
        if (!enabled)
        {
            return null;
        }

        if (machineType is not null && MachineCatalog.Find(_cloud, machineType) is null)
        {
            var known = MachineCatalog.Types(_cloud).Keys;
            var guess = Suggest.Closest(machineType, known);
            var hint = guess is null ? string.Empty : $"did you mean '{guess}'? ";
            _diagnostics.Error($"{key}.machineType", $"{MapReader.Show(machineType)} is not a known {Lower(_cloud)} machine type; {hint}known types: {string.Join(", ", known)}");
        }

        var allowedDisks = _cloud == CloudKind.Aws ? AwsDiskTypes : GcpDiskTypes;
        if (diskType is not null && !allowedDisks.Contains(diskType, StringComparer.Ordinal))
        {
            _diagnostics.Error($"{key}.diskType", $"{MapReader.Show(diskType)} is not a {Lower(_cloud)} disk type; use {Suggest.OneOf(allowedDisks)}");
        }

        var minNodes = Pick($"{key}.minNodes", min, defaults.MinNodes, ProfileOrigin);
        var maxNodes = Pick($"{key}.maxNodes", max, Math.Max(defaults.MaxNodes, minNodes), max is null && min is not null && min > defaults.MaxNodes ? "minNodes" : ProfileOrigin);
        if (min is not null && max is not null && max < min)
        {
            _diagnostics.Error($"{key}.maxNodes", $"{max} is below minNodes ({min})");
        }
        else if (min is null && max is not null && max < minNodes)
        {
            _diagnostics.Error($"{key}.maxNodes", $"{max} is below minNodes ({minNodes}, the {Lower(_profile)} default); lower minNodes too");
        }

        if (role == NodePoolRole.System && max is 0)
        {
            _diagnostics.Error($"{key}.maxNodes", "0 leaves no node for the critical add-ons; use at least 1");
        }

        var isSpot = Pick($"{key}.spot", spot, defaults.Spot, ProfileOrigin);
        if (role == NodePoolRole.System && isSpot && _profile == EnvironmentProfile.Prod)
        {
            _diagnostics.Error($"{key}.spot", "true is not allowed in prod: a spot-only system pool can lose every critical add-on at once; use false");
        }

        foreach (var (labelKey, labelValue) in labels ?? new Dictionary<string, string>())
        {
            if (Syntax.LabelKeyProblem(labelKey) is { } keyProblem)
            {
                _diagnostics.Error($"{key}.labels.{labelKey}", $"is not a valid label key: it {keyProblem}");
            }
            else if (Syntax.LabelValueProblem(labelValue) is { } valueProblem)
            {
                _diagnostics.Error($"{key}.labels.{labelKey}", $"{MapReader.Show(labelValue)} {valueProblem}");
            }
            else if (labelKey == ProfileDefaults.PoolLabel)
            {
                _diagnostics.Error($"{key}.labels.{labelKey}", $"is set by the platform to the pool role ('{roleName}'); remove it");
            }
        }

        var allLabels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ProfileDefaults.PoolLabel] = roleName };
        foreach (var (labelKey, labelValue) in labels ?? new Dictionary<string, string>())
        {
            allLabels.TryAdd(labelKey, labelValue);
        }

        if (labels is not null)
        {
            _sources[$"{key}.labels"] = "config";
        }

        var taints = taintTexts is null ? null : ParseTaints($"{key}.taints", taintTexts);
        return new NodePoolSpec(
            role,
            PickRef($"{key}.machineType", machineType, ProfileDefaults.MachineType(_cloud, role, _profile), ProfileOrigin),
            minNodes,
            maxNodes,
            isSpot,
            Pick($"{key}.diskSizeGb", diskSize, ProfileDefaults.DiskSizeGb, "default"),
            PickRef($"{key}.diskType", diskType, ProfileDefaults.DiskType(_cloud, role), "default"),
            allLabels,
            PickRef($"{key}.taints", taints, ProfileDefaults.Taints(role), "role default"),
            Pick($"{key}.generation", generation, 1, "default"));
    }

    private List<Taint> ParseTaints(string key, IReadOnlyList<string> texts)
    {
        var taints = new List<Taint>();
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i];
            var colon = text.LastIndexOf(':');
            var itemKey = $"{key}[{i}]";
            if (colon <= 0)
            {
                _diagnostics.Error(itemKey, $"{MapReader.Show(text)} is not a taint; use key=value:Effect with Effect {Suggest.OneOf(Effects.Keys)}");
                continue;
            }

            var effect = MapReader.ParseChoice(itemKey, text[(colon + 1)..], Effects, _diagnostics);
            var keyValue = text[..colon];
            var equals = keyValue.IndexOf('=', StringComparison.Ordinal);
            var taintKey = equals < 0 ? keyValue : keyValue[..equals];
            var taintValue = equals < 0 ? string.Empty : keyValue[(equals + 1)..];
            if (Syntax.LabelKeyProblem(taintKey) is { } problem)
            {
                _diagnostics.Error(itemKey, $"{MapReader.Show(text)} has an invalid key: it {problem}");
                continue;
            }

            if (Syntax.LabelValueProblem(taintValue) is { } valueProblem)
            {
                _diagnostics.Error(itemKey, $"{MapReader.Show(text)} has an invalid value: it {valueProblem}");
                continue;
            }

            if (effect is { } e)
            {
                taints.Add(new Taint(taintKey, taintValue, e));
            }
        }

        return taints;
    }
}
