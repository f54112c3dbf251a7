using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Manifests;

/// <summary>
/// A namespace per tenant with its ResourceQuota, LimitRange, default-deny NetworkPolicy (DNS allowed),
/// Pod Security labels and, when a group is given, edit rights for that group.
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
            objects.AddRange(ForTenant(tenant));
        }

        return new ManifestBundle(Order, "tenants", [], objects);
    }

    private static IEnumerable<JsonObject> ForTenant(TenantSpec tenant)
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

        if (tenant.Group is { Length: > 0 } group)
        {
            var binding = Kube.Object("rbac.authorization.k8s.io/v1", "RoleBinding", "tenant-edit", ns, labels.DeepClone().AsObject());
            binding["roleRef"] = new JsonObject
            {
                ["apiGroup"] = "rbac.authorization.k8s.io",
                ["kind"] = "ClusterRole",
                ["name"] = "edit",
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
