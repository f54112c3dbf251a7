using System.Text.Json.Nodes;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Envoy Gateway with the Gateway API CRDs its chart pins, and the platform's shared entry point: a GatewayClass whose
/// EnvoyProxy sets how the proxies run (replicas, zone spread and a disruption budget in HA mode, the cloud's load
/// balancer), and one Gateway for <c>*.&lt;dns.domain&gt;</c> with an HTTP listener that only redirects to HTTPS and an
/// HTTPS listener whose wildcard certificate cert-manager issues (Let's Encrypt or the internal CA, per
/// <c>platform:dns.issuer</c>). Tenants attach HTTPRoutes from their own namespaces;
/// no other namespace may. Without a domain there is no shared Gateway, only the controller and the GatewayClass.
/// </summary>
public sealed class EnvoyGateway : AddonDefinition
{
    /// <summary>The GatewayClass, the Gateway and the EnvoyProxy share this name.</summary>
    public const string GatewayName = "platform";

    /// <summary>The wildcard certificate's secret, which the HTTPS listener serves.</summary>
    public const string WildcardSecret = "platform-wildcard-tls";

    /// <summary>The controller name the chart's Envoy Gateway watches GatewayClasses for.</summary>
    public const string ControllerName = "gateway.envoyproxy.io/gatewayclass-controller";

    /// <summary>A label on the proxy pods that their zone spread and metrics scrape select on.</summary>
    public const string ProxyLabel = "platform/component";

    /// <summary>The value of <see cref="ProxyLabel"/> on the proxy pods.</summary>
    public const string ProxyComponent = "gateway-proxy";

    /// <inheritdoc />
    public override string Name => "envoyGateway";

    /// <inheritdoc />
    public override string Release => "envoy-gateway";

    /// <inheritdoc />
    public override string Namespace => "envoy-gateway-system";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("gateway-helm", "oci://docker.io/envoyproxy", "v1.9.0");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["certManager"];

    /// <summary>On EKS the load balancer controller must be ready to take the proxies' Service.</summary>
    public override IReadOnlyList<string> After { get; } = ["awsLoadBalancerController"];

    /// <summary>Proxy replicas: three in HA mode, so losing a zone leaves two.</summary>
    public static int ProxyReplicas(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Replicas(3);
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Ingress is critical: the controller and proxies tolerate the system pool and prefer it.
        var pod = new JsonObject
        {
            ["tolerations"] = ValueParts.SystemPoolTolerations(),
            ["affinity"] = ValueParts.PreferSystemPool(),
        };
        if (context.HighAvailability)
        {
            pod["topologySpreadConstraints"] = ValueParts.ZoneSpread(("app.kubernetes.io/instance", Release));
        }

        return new JsonObject
        {
            ["crds"] = new JsonObject { ["enabled"] = true },
            ["deployment"] = new JsonObject
            {
                ["replicas"] = context.Replicas(),
                ["priorityClassName"] = PriorityClasses.PlatformCritical,
                ["envoyGateway"] = new JsonObject { ["resources"] = ValueParts.Resources("100m", "256Mi", "1024Mi") },
                ["pod"] = pod,
            },
            ["podDisruptionBudget"] = new JsonObject { ["minAvailable"] = context.HighAvailability ? 1 : 0 },
            ["certgen"] = new JsonObject { ["job"] = new JsonObject { ["resources"] = ValueParts.Resources("10m", "32Mi", "128Mi") } },
            // Its pod webhook is not needed (the proxies are spread by topology constraints), and a private GKE control
            // plane could not reach its port without another firewall rule.
            ["topologyInjector"] = new JsonObject { ["enabled"] = false },
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Objects(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var labels = Kube.ManagedLabels();
        var objects = new List<JsonObject> { Proxy(context, labels) };

        var gatewayClass = Kube.Object("gateway.networking.k8s.io/v1", "GatewayClass", GatewayName, labels: labels.DeepClone().AsObject());
        gatewayClass["spec"] = new JsonObject
        {
            ["controllerName"] = ControllerName,
            ["parametersRef"] = new JsonObject
            {
                ["group"] = "gateway.envoyproxy.io",
                ["kind"] = "EnvoyProxy",
                ["name"] = GatewayName,
                ["namespace"] = Namespace,
            },
        };
        objects.Add(gatewayClass);

        if (context.Spec.DnsDomain is not { } domain)
        {
            return objects;
        }

        objects.Add(Certificate(domain, CertManager.GatewayIssuer(context.Spec), labels));
        objects.Add(Gateway(domain, UiAddons(context.Spec), labels));
        objects.Add(Redirect(labels));
        return objects;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            Workload.Pods("envoy-gateway", context.Replicas(), 0.1m, 256),
            Workload.Pods("envoy-proxy", ProxyReplicas(context), 0.2m, 256),
        ];
    }

    private JsonObject Proxy(AddonContext context, JsonObject labels)
    {
        var service = new JsonObject { ["type"] = context.Cloud == CloudKind.Existing ? "NodePort" : "LoadBalancer" };
        if (context.Cloud == CloudKind.Aws)
        {
            // An NLB made by the AWS Load Balancer Controller, sending traffic straight to the proxy pods.
            service["annotations"] = new JsonObject
            {
                ["service.beta.kubernetes.io/aws-load-balancer-type"] = "external",
                ["service.beta.kubernetes.io/aws-load-balancer-nlb-target-type"] = "ip",
                ["service.beta.kubernetes.io/aws-load-balancer-scheme"] = "internet-facing",
            };
        }

        var pod = new JsonObject
        {
            ["labels"] = new JsonObject { [ProxyLabel] = ProxyComponent },
            ["priorityClassName"] = PriorityClasses.PlatformCritical,
            ["tolerations"] = ValueParts.SystemPoolTolerations(),
            ["affinity"] = ValueParts.PreferSystemPool(),
        };
        if (context.HighAvailability)
        {
            pod["topologySpreadConstraints"] = ValueParts.ZoneSpread((ProxyLabel, ProxyComponent));
        }

        var kubernetes = new JsonObject
        {
            ["envoyDeployment"] = new JsonObject
            {
                ["replicas"] = ProxyReplicas(context),
                ["pod"] = pod,
                ["container"] = new JsonObject { ["resources"] = ValueParts.Resources("200m", "256Mi", "1024Mi") },
            },
            ["envoyService"] = service,
        };
        if (context.HighAvailability)
        {
            kubernetes["envoyPDB"] = new JsonObject { ["minAvailable"] = 2 };
        }

        var proxy = Kube.Object("gateway.envoyproxy.io/v1alpha1", "EnvoyProxy", GatewayName, Namespace, labels.DeepClone().AsObject());
        proxy["spec"] = new JsonObject
        {
            ["provider"] = new JsonObject { ["type"] = "Kubernetes", ["kubernetes"] = kubernetes },
        };
        return proxy;
    }

    private JsonObject Certificate(string domain, string issuer, JsonObject labels)
    {
        var certificate = Kube.Object("cert-manager.io/v1", "Certificate", "platform-wildcard", Namespace, labels.DeepClone().AsObject());
        certificate["spec"] = new JsonObject
        {
            ["secretName"] = WildcardSecret,
            ["dnsNames"] = Kube.Strings($"*.{domain}", domain),
            ["privateKey"] = new JsonObject { ["algorithm"] = "ECDSA", ["size"] = 256, ["rotationPolicy"] = "Always" },
            ["issuerRef"] = new JsonObject { ["name"] = issuer, ["kind"] = "ClusterIssuer", ["group"] = "cert-manager.io" },
        };
        return certificate;
    }

    /// <summary>The installed add-ons with a web UI, each of which gets a listener of its own.</summary>
    public static IReadOnlyList<AddonDefinition> UiAddons(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return AddonCatalog.All.Where(a => a.UiHost is not null && spec.IsEnabled(a.Name)).ToList();
    }

    /// <summary>
    /// The HTTPRoute that serves an add-on's UI at <paramref name="host"/>, attached to the add-on's own listener of the
    /// shared Gateway, to the Service <paramref name="service"/> in the add-on's namespace.
    /// </summary>
    public static JsonObject UiRoute(AddonDefinition addon, string host, string service, int port)
    {
        ArgumentNullException.ThrowIfNull(addon);
        var route = Kube.Object("gateway.networking.k8s.io/v1", "HTTPRoute", addon.UiHost!, addon.Namespace, Kube.ManagedLabels());
        route["spec"] = new JsonObject
        {
            ["parentRefs"] = new JsonArray(new JsonObject
            {
                ["name"] = GatewayName,
                ["namespace"] = AddonCatalog.Get("envoyGateway").Namespace,
                ["sectionName"] = addon.UiHost,
            }),
            ["hostnames"] = Kube.Strings(host),
            ["rules"] = new JsonArray(new JsonObject
            {
                ["backendRefs"] = new JsonArray(new JsonObject { ["name"] = service, ["port"] = port }),
            }),
        };
        return route;
    }

    private JsonObject Gateway(string domain, IReadOnlyList<AddonDefinition> uis, JsonObject labels)
    {
        var gateway = Kube.Object("gateway.networking.k8s.io/v1", "Gateway", GatewayName, Namespace, labels.DeepClone().AsObject());
        var listeners = new JsonArray(
            new JsonObject
            {
                ["name"] = "http",
                ["protocol"] = "HTTP",
                ["port"] = 80,
                ["hostname"] = $"*.{domain}",
                // Only the redirect below, in the Gateway's own namespace, attaches here.
                ["allowedRoutes"] = new JsonObject { ["namespaces"] = new JsonObject { ["from"] = "Same" } },
            },
            HttpsListener("https", $"*.{domain}", new JsonObject
            {
                ["matchExpressions"] = new JsonArray(new JsonObject { ["key"] = TenancyManifests.TenantLabel, ["operator"] = "Exists" }),
            }));

        // A platform UI's listener takes routes for its one host from its add-on's namespace only; tenants cannot
        // claim that host, and the add-on cannot attach to the tenants' listener.
        foreach (var ui in uis)
        {
            listeners.Add(HttpsListener(ui.UiHost!, $"{ui.UiHost}.{domain}", new JsonObject
            {
                ["matchLabels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ui.Namespace },
            }));
        }

        gateway["spec"] = new JsonObject
        {
            ["gatewayClassName"] = GatewayName,
            ["listeners"] = listeners,
        };
        return gateway;
    }

    /// <summary>An HTTPS listener serving the wildcard certificate to HTTPRoutes from the namespaces the selector picks.</summary>
    private static JsonObject HttpsListener(string name, string hostname, JsonObject namespaces) => new()
    {
        ["name"] = name,
        ["protocol"] = "HTTPS",
        ["port"] = 443,
        ["hostname"] = hostname,
        ["tls"] = new JsonObject
        {
            ["mode"] = "Terminate",
            ["certificateRefs"] = new JsonArray(new JsonObject { ["kind"] = "Secret", ["name"] = WildcardSecret }),
        },
        ["allowedRoutes"] = new JsonObject
        {
            ["namespaces"] = new JsonObject { ["from"] = "Selector", ["selector"] = namespaces },
            ["kinds"] = new JsonArray(new JsonObject { ["kind"] = "HTTPRoute" }),
        },
    };

    private JsonObject Redirect(JsonObject labels)
    {
        var route = Kube.Object("gateway.networking.k8s.io/v1", "HTTPRoute", "https-redirect", Namespace, labels.DeepClone().AsObject());
        route["spec"] = new JsonObject
        {
            ["parentRefs"] = new JsonArray(new JsonObject { ["name"] = GatewayName, ["sectionName"] = "http" }),
            ["rules"] = new JsonArray(new JsonObject
            {
                ["filters"] = new JsonArray(new JsonObject
                {
                    ["type"] = "RequestRedirect",
                    ["requestRedirect"] = new JsonObject { ["scheme"] = "https", ["statusCode"] = 301 },
                }),
            }),
        };
        return route;
    }
}
