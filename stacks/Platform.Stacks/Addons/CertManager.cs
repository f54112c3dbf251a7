using System.Text.Json.Nodes;
using Platform.Stacks.Clusters;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// cert-manager with its CRDs, replicated and spread over zones with disruption budgets in HA mode, and the
/// platform's internal CA: a self-signed root that issues the CA the <c>platform-ca</c> ClusterIssuer signs with. With a
/// Let's Encrypt issuer chosen in <c>platform:dns</c>, also the <c>letsencrypt</c> and <c>letsencrypt-staging</c>
/// ClusterIssuers, which answer DNS-01 challenges in the stack's zone through the cloud identity, so wildcard
/// certificates can be issued without static keys.
/// </summary>
public sealed class CertManager : AddonDefinition
{
    /// <summary>The ClusterIssuer that only signs the root CA.</summary>
    public const string SelfSignedIssuer = "platform-selfsigned";

    /// <summary>The ClusterIssuer of the platform's internal CA, for certificates inside the cluster.</summary>
    public const string CaIssuer = "platform-ca";

    /// <summary>The root CA's certificate and secret.</summary>
    public const string RootCa = "platform-root-ca";

    /// <summary>ACME directories of the Let's Encrypt issuers.</summary>
    public static IReadOnlyDictionary<string, string> AcmeServers { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["letsencrypt"] = "https://acme-v02.api.letsencrypt.org/directory",
        ["letsencrypt-staging"] = "https://acme-staging-v02.api.letsencrypt.org/directory",
    };

    /// <summary>The ClusterIssuer that signs the shared Gateway's certificate in this stack.</summary>
    public static string GatewayIssuer(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Dns is { UsesAcme: true } dns ? dns.Issuer : CaIssuer;
    }

    /// <inheritdoc />
    public override string Name => "certManager";

    /// <inheritdoc />
    public override string Release => "cert-manager";

    /// <inheritdoc />
    public override string Namespace => "cert-manager";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("cert-manager", "https://charts.jetstack.io", "v1.21.1");

    /// <inheritdoc />
    public override AddonIdentityPlan? Identity(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Spec.Dns is not { UsesAcme: true, Zone: { } zone })
        {
            return null;
        }

        return CloudIdentity.For(context, "cert-manager", Namespace, Release, () => IamPolicy.CertManagerDns01(zone), [], [CloudIdentity.DnsAdmin]);
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = new JsonObject
        {
            ["crds"] = new JsonObject { ["enabled"] = true, ["keep"] = true },
            ["global"] = new JsonObject { ["priorityClassName"] = PriorityClasses.Platform },
        };
        if (Identity(context)?.Gcp is { } gcp)
        {
            values["serviceAccount"] = new JsonObject { ["annotations"] = new JsonObject { ["iam.gke.io/gcp-service-account"] = gcp.Email } };
        }

        Component(values, context, "controller", "50m", "128Mi", "512Mi");
        values["webhook"] = Component([], context, "webhook", "25m", "64Mi", "256Mi");
        values["cainjector"] = Component([], context, "cainjector", "25m", "128Mi", "512Mi");
        values["startupapicheck"] = new JsonObject { ["resources"] = ValueParts.Resources("10m", "32Mi", "64Mi") };
        return values;
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Objects(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var labels = Kube.ManagedLabels();
        var selfSigned = Kube.Object("cert-manager.io/v1", "ClusterIssuer", SelfSignedIssuer, labels: labels.DeepClone().AsObject());
        selfSigned["spec"] = new JsonObject { ["selfSigned"] = new JsonObject() };

        var root = Kube.Object("cert-manager.io/v1", "Certificate", RootCa, Namespace, labels.DeepClone().AsObject());
        root["spec"] = new JsonObject
        {
            ["isCA"] = true,
            ["commonName"] = $"{context.Spec.Cluster.Name} platform root CA",
            ["secretName"] = RootCa,
            ["duration"] = "87600h",
            ["renewBefore"] = "720h",
            ["privateKey"] = new JsonObject { ["algorithm"] = "ECDSA", ["size"] = 256 },
            ["issuerRef"] = new JsonObject { ["name"] = SelfSignedIssuer, ["kind"] = "ClusterIssuer", ["group"] = "cert-manager.io" },
        };

        var ca = Kube.Object("cert-manager.io/v1", "ClusterIssuer", CaIssuer, labels: labels.DeepClone().AsObject());
        ca["spec"] = new JsonObject { ["ca"] = new JsonObject { ["secretName"] = RootCa } };
        var objects = new List<JsonObject> { selfSigned, root, ca };
        if (context.Spec.Dns is { UsesAcme: true } dns)
        {
            objects.AddRange(AcmeServers.Select(server => Acme(context.Spec, dns, server.Key, server.Value, labels)));
        }

        return objects;
    }

    private static JsonObject Acme(PlatformSpec spec, DnsSpec dns, string name, string server, JsonObject labels)
    {
        var dns01 = spec.Cloud == CloudKind.Gcp
            ? new JsonObject { ["cloudDNS"] = new JsonObject { ["project"] = spec.GcpProject, ["hostedZoneName"] = dns.Zone } }
            : new JsonObject { ["route53"] = new JsonObject { ["region"] = spec.Cluster.Region, ["hostedZoneID"] = dns.Zone } };
        var issuer = Kube.Object("cert-manager.io/v1", "ClusterIssuer", name, labels: labels.DeepClone().AsObject());
        issuer["spec"] = new JsonObject
        {
            ["acme"] = new JsonObject
            {
                ["server"] = server,
                ["email"] = dns.AcmeEmail,
                ["privateKeySecretRef"] = new JsonObject { ["name"] = $"{name}-account-key" },
                ["solvers"] = new JsonArray(new JsonObject
                {
                    ["selector"] = new JsonObject { ["dnsZones"] = Kube.Strings(dns.Domain) },
                    ["dns01"] = dns01,
                }),
            },
        };
        return issuer;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            Workload.Pods("controller", context.Replicas(), 0.05m, 128),
            Workload.Pods("webhook", context.Replicas(), 0.025m, 64),
            Workload.Pods("cainjector", context.Replicas(), 0.025m, 128),
        ];
    }

    private static JsonObject Component(JsonObject target, AddonContext context, string component, string cpu, string memory, string memoryLimit)
    {
        target["replicaCount"] = context.Replicas();
        target["resources"] = ValueParts.Resources(cpu, memory, memoryLimit);
        target["podDisruptionBudget"] = context.HighAvailability
            ? new JsonObject { ["enabled"] = true, ["minAvailable"] = 1 }
            : new JsonObject { ["enabled"] = false };
        if (context.HighAvailability)
        {
            target["topologySpreadConstraints"] = ValueParts.ZoneSpread(("app.kubernetes.io/instance", "cert-manager"), ("app.kubernetes.io/component", component));
        }

        return target;
    }
}
