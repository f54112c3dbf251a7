using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Manifests;

/// <summary>
/// A namespace per tenant with its ResourceQuota, LimitRange, Pod Security labels and network policies: default-deny,
/// then DNS, traffic inside the namespace, ingress from the Gateway's namespace and scraping from the monitoring
/// namespace. When a group is given it gets the <c>tenant</c> role: it runs workloads but cannot change the
/// platform's own objects (quota, limits, network policies, roles).
/// </summary>
public static class TenancyManifests
{
    /// <summary>Bundle order: core objects with no CRD, applied early.</summary>
    public const int Order = 10;

    /// <summary>The label that marks a tenant namespace.</summary>
    public const string TenantLabel = "platform/tenant";

    /// <summary>Builds the tenancy bundle, or null when there are no tenants.</summary>
    public static ManifestBundle? Build(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Tenants.Count == 0)
        {
            return null;
        }

        var objects = new List<JsonObject>();
        foreach (var tenant in spec.Tenants)
        {
            objects.AddRange(ForTenant(spec, tenant));
        }

        return new ManifestBundle(Order, "tenants", [], objects);
    }

    /// <summary>
    /// What a tenant's group may do in its namespace: run and inspect workloads and attach routes, and read, but never
    /// change, the quota, limits and network policies that fence it in. Roles and bindings are not granted at all.
    /// </summary>
    public static JsonArray TenantRules() => new(
        Rule([""], ["pods", "pods/log", "pods/exec", "pods/portforward", "services", "endpoints", "configmaps", "secrets", "persistentvolumeclaims", "serviceaccounts"], Write),
        Rule(["apps"], ["deployments", "statefulsets", "replicasets", "deployments/scale", "statefulsets/scale"], Write),
        Rule(["batch"], ["jobs", "cronjobs"], Write),
        Rule(["autoscaling"], ["horizontalpodautoscalers"], Write),
        Rule(["policy"], ["poddisruptionbudgets"], Write),
        Rule(["gateway.networking.k8s.io"], ["httproutes", "grpcroutes"], Write),
        Rule([""], ["events", "resourcequotas", "limitranges"], Read),
        Rule(["networking.k8s.io"], ["networkpolicies"], Read));

    private static readonly string[] Read = ["get", "list", "watch"];

    private static readonly string[] Write = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    private static JsonObject Rule(string[] groups, string[] resources, string[] verbs) => new()
    {
        ["apiGroups"] = Kube.Strings(groups),
        ["resources"] = Kube.Strings(resources),
        ["verbs"] = Kube.Strings(verbs),
    };

    private static JsonObject AllowFromNamespace(string name, string ns, string fromNamespace, JsonObject labels)
    {
        var policy = Kube.Object("networking.k8s.io/v1", "NetworkPolicy", name, ns, labels);
        policy["spec"] = new JsonObject
        {
            ["podSelector"] = new JsonObject(),
            ["policyTypes"] = Kube.Strings("Ingress"),
            ["ingress"] = new JsonArray(new JsonObject
            {
                ["from"] = new JsonArray(new JsonObject
                {
                    ["namespaceSelector"] = new JsonObject
                    {
                        ["matchLabels"] = new JsonObject { ["kubernetes.io/metadata.name"] = fromNamespace },
                    },
                }),
            }),
        };
        return policy;
    }

    private static IEnumerable<JsonObject> ForTenant(PlatformSpec spec, TenantSpec tenant)
    {
        var ns = tenant.Name;
        var labels = Kube.ManagedLabels((TenantLabel, ns));
        var namespaceLabels = Kube.ManagedLabels(
            (TenantLabel, ns),
            ("pod-security.kubernetes.io/enforce", "restricted"),
            ("pod-security.kubernetes.io/audit", "restricted"),
            ("pod-security.kubernetes.io/warn", "restricted"));
        yield return Kube.Object("v1", "Namespace", ns, labels: namespaceLabels);

        var quota = Kube.Object("v1", "ResourceQuota", "tenant-quota", ns, labels.DeepClone().AsObject());
        quota["spec"] = new JsonObject
        {
            ["hard"] = new JsonObject
            {
                ["requests.cpu"] = tenant.Quota.Cpu.Text,
                ["requests.memory"] = tenant.Quota.Memory.Text,
                ["pods"] = tenant.Quota.Pods.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
        yield return quota;

        var limits = Kube.Object("v1", "LimitRange", "tenant-defaults", ns, labels.DeepClone().AsObject());
        limits["spec"] = new JsonObject
        {
            ["limits"] = new JsonArray(new JsonObject
            {
                ["type"] = "Container",
                ["defaultRequest"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" },
                ["default"] = new JsonObject { ["memory"] = "512Mi" },
            }),
        };
        yield return limits;

        var denyAll = Kube.Object("networking.k8s.io/v1", "NetworkPolicy", "default-deny", ns, labels.DeepClone().AsObject());
        denyAll["spec"] = new JsonObject
        {
            ["podSelector"] = new JsonObject(),
            ["policyTypes"] = Kube.Strings("Ingress", "Egress"),
        };
        yield return denyAll;

        var dns = Kube.Object("networking.k8s.io/v1", "NetworkPolicy", "allow-dns", ns, labels.DeepClone().AsObject());
        dns["spec"] = new JsonObject
        {
            ["podSelector"] = new JsonObject(),
            ["policyTypes"] = Kube.Strings("Egress"),
            ["egress"] = new JsonArray(new JsonObject
            {
                ["to"] = new JsonArray(new JsonObject
                {
                    ["namespaceSelector"] = new JsonObject
                    {
                        ["matchLabels"] = new JsonObject { ["kubernetes.io/metadata.name"] = "kube-system" },
                    },
                    ["podSelector"] = new JsonObject
                    {
                        ["matchLabels"] = new JsonObject { ["k8s-app"] = "kube-dns" },
                    },
                }),
                ["ports"] = new JsonArray(
                    new JsonObject { ["protocol"] = "UDP", ["port"] = 53 },
                    new JsonObject { ["protocol"] = "TCP", ["port"] = 53 }),
            }),
        };
        yield return dns;

        var sameNamespace = Kube.Object("networking.k8s.io/v1", "NetworkPolicy", "allow-same-namespace", ns, labels.DeepClone().AsObject());
        sameNamespace["spec"] = new JsonObject
        {
            ["podSelector"] = new JsonObject(),
            ["policyTypes"] = Kube.Strings("Ingress", "Egress"),
            ["ingress"] = new JsonArray(new JsonObject { ["from"] = new JsonArray(new JsonObject { ["podSelector"] = new JsonObject() }) }),
            ["egress"] = new JsonArray(new JsonObject { ["to"] = new JsonArray(new JsonObject { ["podSelector"] = new JsonObject() }) }),
        };
        yield return sameNamespace;

        if (spec.IsEnabled("envoyGateway"))
        {
            yield return AllowFromNamespace("allow-from-gateway", ns, Addons.AddonCatalog.Get("envoyGateway").Namespace, labels.DeepClone().AsObject());
        }

        if (spec.IsEnabled("prometheus"))
        {
            yield return AllowFromNamespace("allow-from-monitoring", ns, Addons.AddonCatalog.Get("prometheus").Namespace, labels.DeepClone().AsObject());
        }

        if (Addons.Alloy.TakesOtlp(spec))
        {
            // Traces and metrics leave the namespace only for the collector's OTLP ports.
            var otlp = Kube.Object("networking.k8s.io/v1", "NetworkPolicy", "allow-otlp-to-collector", ns, labels.DeepClone().AsObject());
            otlp["spec"] = new JsonObject
            {
                ["podSelector"] = new JsonObject(),
                ["policyTypes"] = Kube.Strings("Egress"),
                ["egress"] = new JsonArray(new JsonObject
                {
                    ["to"] = new JsonArray(new JsonObject
                    {
                        ["namespaceSelector"] = new JsonObject
                        {
                            ["matchLabels"] = new JsonObject { ["kubernetes.io/metadata.name"] = Addons.AddonCatalog.Get("alloy").Namespace },
                        },
                        ["podSelector"] = new JsonObject
                        {
                            ["matchLabels"] = new JsonObject { ["app.kubernetes.io/name"] = "alloy" },
                        },
                    }),
                    ["ports"] = new JsonArray(
                        new JsonObject { ["protocol"] = "TCP", ["port"] = Addons.Tempo.OtlpGrpc },
                        new JsonObject { ["protocol"] = "TCP", ["port"] = Addons.Tempo.OtlpHttp }),
                }),
            };
            yield return otlp;
        }

        if (tenant.Group is { Length: > 0 } group)
        {
            var role = Kube.Object("rbac.authorization.k8s.io/v1", "Role", "tenant", ns, labels.DeepClone().AsObject());
            role["rules"] = TenantRules();
            yield return role;

            var binding = Kube.Object("rbac.authorization.k8s.io/v1", "RoleBinding", "tenant", ns, labels.DeepClone().AsObject());
            binding["roleRef"] = new JsonObject
            {
                ["apiGroup"] = "rbac.authorization.k8s.io",
                ["kind"] = "Role",
                ["name"] = "tenant",
            };
            binding["subjects"] = new JsonArray(new JsonObject
            {
                ["apiGroup"] = "rbac.authorization.k8s.io",
                ["kind"] = "Group",
                ["name"] = group,
            });
            yield return binding;
        }
    }
}
