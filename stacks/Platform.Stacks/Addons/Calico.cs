using System.Text.Json.Nodes;
using Platform.Stacks.Binding;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Calico network policy. On GKE it is the cluster's own setting (managed). On EKS the Tigera operator runs it in
/// policy-only mode beside the VPC CNI. On an existing cluster it is off unless enabled, and then it is the cluster's
/// CNI: only for a cluster created without one (<c>examples/kind-config.yaml</c>). Calico 3.32 ships its CRDs as a
/// separate chart, installed first; the operator is told not to manage them.
/// </summary>
public sealed class Calico : AddonDefinition
{
    /// <summary>The chart repository of both charts, which also write it out where Renovate reads their versions.</summary>
    public const string Repository = "https://docs.tigera.io/calico/charts";

    /// <summary>The pod range Calico hands out as the CNI, which the kind config in examples/ matches.</summary>
    public const string CniPodRange = "192.168.0.0/16";

    /// <inheritdoc />
    public override string Name => "calico";

    /// <inheritdoc />
    public override string Release => "tigera-operator";

    /// <inheritdoc />
    public override string Namespace => "tigera-operator";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("tigera-operator", "https://docs.tigera.io/calico/charts", "v3.32.1");

    /// <summary>The CRD chart, at the same version as the operator chart.</summary>
    public ChartRef CrdChart { get; } = new("crd.projectcalico.org.v1", "https://docs.tigera.io/calico/charts", "v3.32.1");

    /// <summary>Release name of the CRD chart.</summary>
    public const string CrdRelease = "calico-crds";

    /// <inheritdoc />
    public override bool RunsOnHosts => true;

    /// <inheritdoc />
    public override bool EnabledByDefault(EnvironmentProfile profile, CloudKind cloud) => cloud != CloudKind.Existing;

    /// <inheritdoc />
    public override string Delivery(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Cloud == CloudKind.Gcp ? "managed" : "helm";
    }

    /// <inheritdoc />
    public override IReadOnlyList<HelmReleasePlan> Releases(AddonContext context, IReadOnlyList<string> dependsOn)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            new HelmReleasePlan(CrdRelease, Name, Namespace, CrdChart, dependsOn, []),
            new HelmReleasePlan(Release, Name, Namespace, Chart, [.. dependsOn, CrdRelease], Values(context)),
        ];
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var aws = context.Cloud == CloudKind.Aws;
        var installation = new JsonObject
        {
            ["enabled"] = true,
            ["controlPlaneReplicas"] = context.Replicas(),
            ["controlPlaneTolerations"] = new JsonArray(new JsonObject { ["key"] = "CriticalAddonsOnly", ["operator"] = "Exists" }),
            ["calicoNodeDaemonSet"] = Containers("calico-node", "250m", "256Mi", "512Mi"),
            ["calicoKubeControllersDeployment"] = Containers("calico-kube-controllers", "100m", "128Mi", "256Mi"),
            ["typhaDeployment"] = Containers("calico-typha", "100m", "128Mi", "256Mi"),
        };
        if (aws)
        {
            // Policy only: the VPC CNI keeps pod networking and addressing.
            installation["kubernetesProvider"] = "EKS";
            installation["cni"] = new JsonObject { ["type"] = "AmazonVPC" };
            installation["controlPlaneNodeSelector"] = new JsonObject { [ProfileDefaults.PoolLabel] = "system" };
        }
        else
        {
            installation["cni"] = new JsonObject { ["type"] = "Calico" };
            installation["calicoNetwork"] = new JsonObject
            {
                ["ipPools"] = new JsonArray(new JsonObject
                {
                    ["cidr"] = CniPodRange,
                    ["encapsulation"] = "VXLANCrossSubnet",
                    ["natOutgoing"] = "Enabled",
                    ["nodeSelector"] = "all()",
                }),
            };
        }

        return new JsonObject
        {
            ["installation"] = installation,
            ["apiServer"] = new JsonObject { ["enabled"] = false },
            ["goldmane"] = new JsonObject { ["enabled"] = false },
            ["whisker"] = new JsonObject { ["enabled"] = false },
            ["manageCRDs"] = false,
            ["priorityClassName"] = PriorityClasses.PlatformCritical,
            ["resources"] = ValueParts.Resources("100m", "128Mi", "512Mi"),
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Delivery(context) == "managed")
        {
            return [];
        }

        return
        [
            Workload.Pods("tigera-operator", 1, 0.1m, 128),
            Workload.Pods("calico-kube-controllers", 1, 0.1m, 128),
            Workload.Pods("calico-typha", context.Replicas(), 0.1m, 128),
            Workload.DaemonSet("calico-node", 0.25m, 256, hostLevel: true),
        ];
    }

    /// <summary>An operator override that sets one container's resources.</summary>
    private static JsonObject Containers(string container, string cpu, string memory, string memoryLimit) => new()
    {
        ["spec"] = new JsonObject
        {
            ["template"] = new JsonObject
            {
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject { ["name"] = container, ["resources"] = ValueParts.Resources(cpu, memory, memoryLimit) }),
                },
            },
        },
    };
}
