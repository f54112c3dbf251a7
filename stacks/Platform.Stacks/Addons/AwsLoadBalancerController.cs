using System.Text.Json.Nodes;
using Platform.Stacks.Clusters;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// The AWS Load Balancer Controller, on EKS only: it turns the shared Gateway's LoadBalancer Service into a network load
/// balancer that sends traffic straight to the proxy pods. It finds the VPC by its Name tag, because pods cannot reach
/// the instance metadata service (the launch template's hop limit is 1). Its Pod Identity role may touch only load
/// balancers, target groups and security groups tagged as this cluster's. ALB ingress is not used, so no IngressClass
/// is created.
/// </summary>
public sealed class AwsLoadBalancerController : AddonDefinition
{
    /// <summary>Its service account, which the Pod Identity association names.</summary>
    public const string ServiceAccount = "aws-load-balancer-controller";

    /// <inheritdoc />
    public override string Name => "awsLoadBalancerController";

    /// <inheritdoc />
    public override string Release => "aws-load-balancer-controller";

    /// <inheritdoc />
    public override string Namespace => "kube-system";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("aws-load-balancer-controller", "https://aws.github.io/eks-charts", "3.5.0");

    /// <inheritdoc />
    public override bool EnabledByDefault(EnvironmentProfile profile, CloudKind cloud) => cloud == CloudKind.Aws;

    /// <inheritdoc />
    public override string Delivery(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Cloud == CloudKind.Aws ? "helm" : "disabled";
    }

    /// <inheritdoc />
    public override AddonIdentityPlan? Identity(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cluster = context.Spec.Cluster.Name;
        return CloudIdentity.For(context, "load-balancer-controller", Namespace, ServiceAccount, () => IamPolicy.LoadBalancerController(cluster), [], []);
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var values = new JsonObject
        {
            ["clusterName"] = spec.Cluster.Name,
            ["region"] = spec.Cluster.Region,
            ["vpcTags"] = new JsonObject { ["Name"] = $"{spec.Cluster.Name}-vpc" },
            ["replicaCount"] = context.Replicas(),
            ["serviceAccount"] = new JsonObject { ["create"] = true, ["name"] = ServiceAccount },
            ["createIngressClassResource"] = false,
            ["priorityClassName"] = PriorityClasses.PlatformCritical,
            ["resources"] = ValueParts.Resources("100m", "128Mi", "512Mi"),
            ["tolerations"] = ValueParts.SystemPoolTolerations(),
            ["affinity"] = ValueParts.PreferSystemPool(),
        };
        if (context.HighAvailability)
        {
            values["topologySpreadConstraints"] = ValueParts.ZoneSpread(("app.kubernetes.io/instance", Release));
            values["podDisruptionBudget"] = new JsonObject { ["maxUnavailable"] = 1 };
        }

        return values;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [Workload.Pods("controller", context.Replicas(), 0.1m, 128)];
    }
}
