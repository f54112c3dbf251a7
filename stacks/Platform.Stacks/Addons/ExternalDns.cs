using System.Text.Json.Nodes;
using Platform.Stacks.Clusters;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// external-dns: writes the records of the routes attached to the shared Gateway into the stack's DNS zone (Cloud DNS
/// or Route53), through Workload Identity or Pod Identity, with no static keys. It owns only records it created
/// (its TXT registry names the cluster), and only under the stack's domain. Nothing to do on an existing cluster, or
/// without a domain.
/// </summary>
public sealed class ExternalDns : AddonDefinition
{
    /// <summary>Its service account, which the cloud identity is bound to.</summary>
    public const string ServiceAccount = "external-dns";

    /// <inheritdoc />
    public override string Name => "externalDns";

    /// <inheritdoc />
    public override string Release => "external-dns";

    /// <inheritdoc />
    public override string Namespace => "external-dns";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("external-dns", "https://kubernetes-sigs.github.io/external-dns/", "1.21.1");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["envoyGateway"];

    /// <summary>Its ServiceMonitor needs the Prometheus Operator's CRDs.</summary>
    public override IReadOnlyList<string> After { get; } = ["prometheus"];

    /// <inheritdoc />
    public override bool EnabledByDefault(EnvironmentProfile profile, CloudKind cloud) => cloud != CloudKind.Existing;

    /// <inheritdoc />
    public override string Delivery(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Cloud == CloudKind.Existing || context.Spec.Dns?.Zone is null ? "disabled" : "helm";
    }

    /// <inheritdoc />
    public override AddonIdentityPlan? Identity(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var zone = context.Spec.Dns!.Zone!;
        return CloudIdentity.For(context, "external-dns", Namespace, ServiceAccount, () => IamPolicy.ExternalDns(zone), [CloudIdentity.DnsReader], [CloudIdentity.DnsAdmin]);
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var dns = spec.Dns!;
        var serviceAccount = new JsonObject { ["create"] = true, ["name"] = ServiceAccount };
        JsonObject provider;
        JsonArray args;
        var env = new JsonArray();
        if (context.Cloud == CloudKind.Gcp)
        {
            provider = new JsonObject { ["name"] = "google" };
            args = Kube.Strings($"--google-project={spec.GcpProject}", "--google-zone-visibility=public");
            serviceAccount["annotations"] = new JsonObject { ["iam.gke.io/gcp-service-account"] = Identity(context)!.Gcp!.Email };
        }
        else
        {
            provider = new JsonObject { ["name"] = "aws" };
            args = Kube.Strings($"--zone-id-filter={dns.Zone}", "--aws-zone-type=public");
            env.Add(new JsonObject { ["name"] = "AWS_DEFAULT_REGION", ["value"] = spec.Cluster.Region });
        }

        return new JsonObject
        {
            ["provider"] = provider,
            ["extraArgs"] = args,
            ["env"] = env,
            ["serviceAccount"] = serviceAccount,
            ["sources"] = Kube.Strings("gateway-httproute"),
            ["domainFilters"] = Kube.Strings(dns.Domain),
            ["policy"] = "sync",
            ["registry"] = "txt",
            ["txtOwnerId"] = spec.Cluster.Name,
            ["priorityClassName"] = PriorityClasses.Platform,
            ["resources"] = ValueParts.Resources("50m", "64Mi", "256Mi"),
            ["serviceMonitor"] = new JsonObject { ["enabled"] = spec.IsEnabled("prometheus") },
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context) => [Workload.Pods("external-dns", 1, 0.05m, 64)];
}
