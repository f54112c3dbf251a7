using System.Text.Json.Nodes;
using Platform.Stacks.Binding;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Kyverno, and the guardrails it enforces in the cluster: no privileged or host-level pods outside the platform's
/// namespaces, no image on <c>latest</c> or without a tag, requests and a memory limit on every container in tenant
/// namespaces, and tenant pods placed on their pools (node affinity, plus tolerations for tainted pools). In HA mode
/// (prod) its webhooks fail closed; elsewhere, with one replica, they fail open rather than block every pod while it
/// restarts, and the tenants' Pod Security level still forbids host access.
/// </summary>
public sealed class Kyverno : AddonDefinition
{
    /// <summary>Namespaces of the cluster's own system pods, which the guardrails leave alone.</summary>
    public static IReadOnlyList<string> SystemNamespaces { get; } = ["kube-system", "kube-node-lease", "kube-public", "calico-system"];

    /// <inheritdoc />
    public override string Name => "kyverno";

    /// <inheritdoc />
    public override string Release => "kyverno";

    /// <inheritdoc />
    public override string Namespace => "kyverno";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("kyverno", "https://kyverno.github.io/kyverno/", "3.9.0");

    /// <summary>Its controllers' ServiceMonitors need the Prometheus Operator's CRDs.</summary>
    public override IReadOnlyList<string> After { get; } = ["prometheus"];

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var admission = Controller(context, context.Replicas(3), PriorityClasses.PlatformCritical, "admission-controller");
        admission["container"] = new JsonObject { ["resources"] = ValueParts.Resources("100m", "128Mi", "384Mi") };
        // A private GKE control plane reaches nodes on 443 and 10250 only; serving the webhook on 10250 (inside the
        // pod's own network namespace) needs no extra firewall rule, as cert-manager does.
        admission["webhookServer"] = new JsonObject { ["port"] = 10250 };
        // Every pod's admission goes through it: it tolerates the system pool and prefers it.
        admission["tolerations"] = ValueParts.SystemPoolTolerations();
        admission["nodeAffinity"] = ValueParts.PreferSystemPool()["nodeAffinity"]!.DeepClone();
        var values = new JsonObject
        {
            ["crds"] = new JsonObject { ["install"] = true },
            ["admissionController"] = admission,
        };
        foreach (var (key, component) in new[] { ("backgroundController", "background-controller"), ("cleanupController", "cleanup-controller"), ("reportsController", "reports-controller") })
        {
            var controller = Controller(context, context.Replicas(), PriorityClasses.Platform, component);
            controller["resources"] = ValueParts.Resources("100m", "64Mi", "256Mi");
            values[key] = controller;
        }

        return values;
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Objects(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var platformNamespaces = SystemNamespaces
            .Concat(AddonCatalog.All.Where(a => a.RunsOnHosts && spec.IsEnabled(a.Name)).Select(a => a.Namespace))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var action = context.HighAvailability ? "Fail" : "Ignore";
        var objects = new List<JsonObject>
        {
            Policy("platform-no-host-access", action, Rule(
                "no-privileged-or-host-pods",
                AllPods(),
                new JsonObject { ["any"] = new JsonArray(new JsonObject { ["resources"] = new JsonObject { ["namespaces"] = Kube.Strings(platformNamespaces) } }) },
                Validate("Privileged containers, host namespaces and hostPath volumes are only for the platform's own namespaces.", new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["=(hostNetwork)"] = "false",
                        ["=(hostPID)"] = "false",
                        ["=(hostIPC)"] = "false",
                        ["=(volumes)"] = new JsonArray(new JsonObject { ["X(hostPath)"] = "null" }),
                        ["=(initContainers)"] = new JsonArray(new JsonObject { ["=(securityContext)"] = new JsonObject { ["=(privileged)"] = "false" } }),
                        ["containers"] = new JsonArray(new JsonObject { ["=(securityContext)"] = new JsonObject { ["=(privileged)"] = "false" } }),
                    },
                }))),
            Policy("platform-pinned-images", action, Rule(
                "tagged-and-not-latest",
                AllPods(),
                new JsonObject { ["any"] = new JsonArray(new JsonObject { ["resources"] = new JsonObject { ["namespaces"] = Kube.Strings([.. SystemNamespaces]) } }) },
                Validate("Images need a tag or digest other than latest.", new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["=(initContainers)"] = new JsonArray(new JsonObject { ["image"] = "*:* & !*:latest" }),
                        ["containers"] = new JsonArray(new JsonObject { ["image"] = "*:* & !*:latest" }),
                    },
                }))),
            Policy("platform-tenant-resources", action, Rule(
                "requests-and-memory-limit",
                TenantPods(),
                null,
                Validate("Containers in tenant namespaces need CPU and memory requests and a memory limit (the namespace's LimitRange supplies defaults).", new JsonObject
                {
                    ["spec"] = new JsonObject
                    {
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["resources"] = new JsonObject
                            {
                                ["requests"] = new JsonObject { ["cpu"] = "?*", ["memory"] = "?*" },
                                ["limits"] = new JsonObject { ["memory"] = "?*" },
                            },
                        }),
                    },
                }))),
        };
        if (spec.Tenants.Count > 0)
        {
            objects.Add(Policy("platform-tenant-placement", action, [.. spec.Tenants.Select(Placement)]));
        }

        return objects;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var others = context.Replicas();
        return
        [
            Workload.Pods("admission-controller", context.Replicas(3), 0.1m, 128),
            Workload.Pods("background-controller", others, 0.1m, 64),
            Workload.Pods("cleanup-controller", others, 0.1m, 64),
            Workload.Pods("reports-controller", others, 0.1m, 64),
        ];
    }

    /// <summary>Tenant pods go to the tenant's pools: required node affinity, and tolerations for the tainted ones.</summary>
    private static JsonObject Placement(TenantSpec tenant)
    {
        var pools = tenant.Pools.Select(p => p.ToString().ToLowerInvariant()).ToArray();
        var patch = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["affinity"] = new JsonObject
                {
                    ["nodeAffinity"] = new JsonObject
                    {
                        ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
                        {
                            ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                            {
                                ["matchExpressions"] = new JsonArray(new JsonObject
                                {
                                    ["key"] = ProfileDefaults.PoolLabel,
                                    ["operator"] = "In",
                                    ["values"] = Kube.Strings(pools),
                                }),
                            }),
                        },
                    },
                },
            },
        };
        var tolerations = tenant.Pools
            .SelectMany(ProfileDefaults.Taints)
            .Select(t => (JsonNode?)new JsonObject { ["key"] = t.Key, ["operator"] = "Equal", ["value"] = t.Value, ["effect"] = t.Effect.ToString() })
            .ToArray();
        if (tolerations.Length > 0)
        {
            patch["spec"]!["tolerations"] = new JsonArray(tolerations);
        }

        return new JsonObject
        {
            ["name"] = $"place-{tenant.Name}",
            ["match"] = new JsonObject
            {
                ["any"] = new JsonArray(new JsonObject
                {
                    ["resources"] = new JsonObject { ["kinds"] = Kube.Strings("Pod"), ["namespaces"] = Kube.Strings(tenant.Name) },
                }),
            },
            ["mutate"] = new JsonObject { ["patchStrategicMerge"] = patch },
        };
    }

    private static JsonObject Controller(AddonContext context, int replicas, string priorityClass, string component)
    {
        var controller = new JsonObject
        {
            ["replicas"] = replicas,
            ["priorityClassName"] = priorityClass,
            ["podDisruptionBudget"] = new JsonObject { ["enabled"] = replicas > 1 },
            ["serviceMonitor"] = new JsonObject { ["enabled"] = context.Spec.IsEnabled("prometheus") },
        };
        if (context.HighAvailability)
        {
            controller["topologySpreadConstraints"] = ValueParts.ZoneSpread(("app.kubernetes.io/instance", "kyverno"), ("app.kubernetes.io/component", component));
        }

        return controller;
    }

    private static JsonObject AllPods() => new()
    {
        ["any"] = new JsonArray(new JsonObject { ["resources"] = new JsonObject { ["kinds"] = Kube.Strings("Pod") } }),
    };

    private static JsonObject TenantPods() => new()
    {
        ["any"] = new JsonArray(new JsonObject
        {
            ["resources"] = new JsonObject
            {
                ["kinds"] = Kube.Strings("Pod"),
                ["namespaceSelector"] = new JsonObject
                {
                    ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = TenancyManifests.TenantLabel, ["operator"] = "Exists" }),
                },
            },
        }),
    };

    private static JsonObject Validate(string message, JsonObject pattern) => new()
    {
        ["failureAction"] = "Enforce",
        ["message"] = message,
        ["pattern"] = pattern,
    };

    private static JsonObject Rule(string name, JsonObject match, JsonObject? exclude, JsonObject validate)
    {
        var rule = new JsonObject { ["name"] = name, ["match"] = match };
        if (exclude is not null)
        {
            rule["exclude"] = exclude;
        }

        rule["validate"] = validate;
        return rule;
    }

    private static JsonObject Policy(string name, string failurePolicy, params JsonObject[] rules)
    {
        var policy = Kube.Object("kyverno.io/v1", "ClusterPolicy", name, labels: Kube.ManagedLabels());
        policy["spec"] = new JsonObject
        {
            ["background"] = true,
            ["failurePolicy"] = failurePolicy,
            ["rules"] = new JsonArray([.. rules]),
        };
        return policy;
    }
}
