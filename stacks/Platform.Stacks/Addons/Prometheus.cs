using System.Text.Json.Nodes;
using Platform.Stacks.Alerting;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// kube-prometheus-stack: the Prometheus Operator with Prometheus, Alertmanager, node-exporter and
/// kube-state-metrics. Prometheus picks up every ServiceMonitor, PodMonitor and PrometheusRule in the cluster; the
/// platform adds monitors for the Gateway's proxies and controller and for cert-manager (installed before the
/// monitors' CRDs exist), a PrometheusRule per SLO and one with the platform's alerts (see <see cref="AlertingPlan"/>). Alertmanager gets the stack's routes and receivers, whose
/// secrets the program puts in a Secret from secret config. Control-plane targets a managed cluster does not expose
/// (etcd, scheduler, controller manager, kube-proxy) are not scraped, so they never raise target-down alerts.
/// </summary>
public sealed class Prometheus : AddonDefinition
{
    /// <summary>The proxy pods' metrics port name and path in Envoy Gateway.</summary>
    private const string ProxyMetricsPort = "metrics";

    /// <inheritdoc />
    public override string Name => "prometheus";

    /// <inheritdoc />
    public override string Release => ReleaseName;

    /// <summary>
    /// Its own namespace, apart from the LGTM stack: node-exporter needs host access, which the platform's policy
    /// allows only in the namespaces of add-ons that run on hosts.
    /// </summary>
    public override string Namespace => NamespaceName;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("kube-prometheus-stack", "https://prometheus-community.github.io/helm-charts", "88.5.3");

    /// <summary>node-exporter reads the host's file systems and network, on every node.</summary>
    public override bool RunsOnHosts => true;

    /// <summary>How Prometheus is sized in a profile: retention, volume, and each replica's requests.</summary>
    /// <param name="Retention">How long samples are kept locally.</param>
    /// <param name="RetentionSize">The most the local store may hold before old blocks go, below the volume's size.</param>
    /// <param name="Volume">The persistent volume of each replica.</param>
    /// <param name="Cpu">CPU request of each replica.</param>
    /// <param name="MemoryGiB">Memory request of each replica, in GiB; its limit is twice this.</param>
    public sealed record Sizing(string Retention, string RetentionSize, string Volume, decimal Cpu, int MemoryGiB);

    /// <summary>The sizes per profile, which the README's table states.</summary>
    public static Sizing SizeFor(EnvironmentProfile profile) => profile switch
    {
        EnvironmentProfile.Dev => new("2d", "8GB", "10Gi", 0.25m, 1),
        EnvironmentProfile.Staging => new("7d", "40GB", "50Gi", 0.5m, 2),
        _ => new("15d", "90GB", "100Gi", 1m, 4),
    };

    /// <summary>Prometheus replicas: two in HA mode, each scraping everything.</summary>
    public static int PrometheusReplicas(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Replicas(2);
    }

    /// <summary>Alertmanager replicas: three in HA mode, so the gossip cluster survives losing one.</summary>
    public static int AlertmanagerReplicas(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Replicas(3);
    }

    /// <summary>The external label that tells the Prometheus replicas apart; the operator's default.</summary>
    public const string ReplicaLabel = "prometheus_replica";

    /// <summary>The external label every replica of this stack's Prometheus carries with the same value.</summary>
    public const string ClusterLabel = "cluster";

    /// <summary>Prometheus' Service: <c>&lt;release&gt;-prometheus</c> in its namespace.</summary>
    private const string Url = $"http://{ReleaseName}-prometheus.{NamespaceName}.svc:9090";

    /// <summary>
    /// Where each Prometheus replica takes remote-written samples, when it accepts them (see <see cref="Values"/>):
    /// every replica by its own pod address under the operator's governing Service, so each holds all of them.
    /// </summary>
    public static IReadOnlyList<string> RemoteWriteReceivers(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var replicas = PrometheusReplicas(new AddonContext(spec, spec.Addons.Single(a => a.Name == "prometheus")));
        return [.. Enumerable.Range(0, replicas).Select(i => $"http://prometheus-{ReleaseName}-prometheus-{i}.prometheus-operated.{NamespaceName}.svc:9090/api/v1/write")];
    }

    /// <summary>The release's name, which its Services and pods are named after.</summary>
    private const string ReleaseName = "kube-prometheus-stack";

    /// <summary>Its namespace, which its Services' addresses name.</summary>
    private const string NamespaceName = "monitoring";

    /// <summary>The Prometheus datasource's uid, which dashboards refer to.</summary>
    public const string DatasourceUid = "prometheus";

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Datasources(AddonContext context) =>
    [
        new JsonObject
        {
            ["name"] = "Prometheus",
            ["uid"] = DatasourceUid,
            ["type"] = "prometheus",
            ["access"] = "proxy",
            ["url"] = Url,
            ["isDefault"] = true,
            ["editable"] = false,
        },
        new JsonObject
        {
            ["name"] = "Alertmanager",
            ["uid"] = "alertmanager",
            ["type"] = "alertmanager",
            ["access"] = "proxy",
            ["url"] = $"http://{Release}-alertmanager.{Namespace}.svc:9093",
            ["jsonData"] = new JsonObject { ["implementation"] = "prometheus" },
            ["editable"] = false,
        },
    ];

    /// <inheritdoc />
    public override IReadOnlyList<ConfigSecretPlan> Secrets(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var receivers = AlertmanagerConfig.Receivers(context.Spec);
        return receivers.Count == 0 ? [] : [ConfigSecretPlan.Copying(AlertmanagerConfig.SecretName, Namespace, "receiverSecrets", receivers.Select(r => r.Name))];
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var size = SizeFor(spec.Environment);
        var memory = $"{size.MemoryGiB}Gi";
        var alertmanagerSpec = new JsonObject
        {
            ["replicas"] = AlertmanagerReplicas(context),
            ["retention"] = "120h",
            ["priorityClassName"] = PriorityClasses.Platform,
            ["resources"] = ValueParts.Resources("50m", "128Mi", "256Mi"),
            ["storage"] = Volume("2Gi"),
        };
        if (Secrets(context).Count > 0)
        {
            alertmanagerSpec["secrets"] = Kube.Strings(AlertmanagerConfig.SecretName);
        }

        var prometheusSpec = new JsonObject
        {
            ["replicas"] = PrometheusReplicas(context),
            ["retention"] = size.Retention,
            ["retentionSize"] = size.RetentionSize,
            ["externalLabels"] = new JsonObject { [ClusterLabel] = spec.Cluster.Name, ["environment"] = spec.Environment.ToString().ToLowerInvariant() },
            // Pick up every monitor and rule in the cluster, not only those labelled for this release.
            ["ruleSelectorNilUsesHelmValues"] = false,
            ["serviceMonitorSelectorNilUsesHelmValues"] = false,
            ["podMonitorSelectorNilUsesHelmValues"] = false,
            ["probeSelectorNilUsesHelmValues"] = false,
            ["scrapeConfigSelectorNilUsesHelmValues"] = false,
            ["priorityClassName"] = PriorityClasses.Platform,
            ["resources"] = ValueParts.Resources(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{size.Cpu * 1000:0}m"), memory, $"{size.MemoryGiB * 2}Gi"),
            ["storageSpec"] = Volume(size.Volume),
        };
        if (spec.IsEnabled("tempo"))
        {
            // Tempo's metrics generator writes service graphs and span metrics here.
            prometheusSpec["enableRemoteWriteReceiver"] = true;
        }

        if (spec.IsEnabled("mimir"))
        {
            // Every sample also goes to Mimir, under the cluster's tenant, for the months Prometheus does not keep.
            // Both replicas write; Mimir's HA tracker keeps one replica's samples and drops the replica label (see
            // Mimir's limits).
            var mimir = (Mimir)AddonCatalog.Get("mimir");
            prometheusSpec["remoteWrite"] = new JsonArray(new JsonObject
            {
                ["name"] = Mimir.RemoteWriteName,
                ["url"] = mimir.PushUrl,
                ["headers"] = new JsonObject { [AddonCatalog.TenantHeader] = Mimir.Tenant(spec) },
            });
        }

        return new JsonObject
        {
            ["defaultRules"] = new JsonObject
            {
                ["create"] = true,
                ["rules"] = new JsonObject
                {
                    ["etcd"] = false,
                    ["kubeControllerManager"] = false,
                    ["kubeProxy"] = false,
                    ["kubeSchedulerAlerting"] = false,
                    ["kubeSchedulerRecording"] = false,
                },
            },
            ["kubeEtcd"] = new JsonObject { ["enabled"] = false },
            ["kubeControllerManager"] = new JsonObject { ["enabled"] = false },
            ["kubeScheduler"] = new JsonObject { ["enabled"] = false },
            ["kubeProxy"] = new JsonObject { ["enabled"] = false },
            // Grafana is its own add-on, which picks up the chart's dashboards from these ConfigMaps.
            ["grafana"] = new JsonObject
            {
                ["enabled"] = false,
                ["forceDeployDashboards"] = true,
                ["sidecar"] = new JsonObject
                {
                    ["dashboards"] = new JsonObject { ["annotations"] = new JsonObject { [Grafana.FolderAnnotation] = "Kubernetes" } },
                },
            },
            ["alertmanager"] = new JsonObject
            {
                ["config"] = AlertmanagerConfig.For(spec),
                ["alertmanagerSpec"] = alertmanagerSpec,
            },
            ["prometheus"] = new JsonObject { ["prometheusSpec"] = prometheusSpec },
            ["prometheusOperator"] = new JsonObject
            {
                ["resources"] = ValueParts.Resources("100m", "128Mi", "512Mi"),
            },
            ["kube-state-metrics"] = new JsonObject
            {
                // Node pool labels on kube_node_labels, which the node pool saturation alert groups by.
                ["metricLabelsAllowlist"] = Kube.Strings($"nodes=[{Binding.ProfileDefaults.PoolLabel}]"),
                ["resources"] = ValueParts.Resources("50m", "128Mi", "512Mi"),
            },
            ["prometheus-node-exporter"] = new JsonObject
            {
                // On every node, whatever its pool's taint.
                ["tolerations"] = new JsonArray(new JsonObject { ["operator"] = "Exists" }),
                ["resources"] = ValueParts.Resources("50m", "64Mi", "128Mi"),
            },
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Objects(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var objects = new List<JsonObject>();
        foreach (var file in AlertingPlan.For(spec).Rules)
        {
            var rule = Kube.Object("monitoring.coreos.com/v1", "PrometheusRule", file.Name, Namespace, Kube.ManagedLabels());
            rule["spec"] = new JsonObject { ["groups"] = file.Rules["groups"]!.DeepClone() };
            objects.Add(rule);
        }

        if (spec.IsEnabled("envoyGateway"))
        {
            // The SLOs' default indicator: the Gateway proxies' own request metrics.
            var proxies = Kube.Object("monitoring.coreos.com/v1", "PodMonitor", "gateway-proxies", AddonCatalog.Get("envoyGateway").Namespace, Kube.ManagedLabels());
            proxies["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { [EnvoyGateway.ProxyLabel] = EnvoyGateway.ProxyComponent } },
                ["podMetricsEndpoints"] = new JsonArray(new JsonObject { ["port"] = ProxyMetricsPort, ["path"] = "/stats/prometheus", ["interval"] = "30s" }),
            };
            objects.Add(proxies);
        }

        if (spec.IsEnabled("envoyGateway"))
        {
            // The Gateway controller's own metrics: translation, xDS pushes, status updates. Its pods' "metrics" port
            // comes from the chart's deployment.ports.
            var gateway = AddonCatalog.Get("envoyGateway");
            var controller = Kube.Object("monitoring.coreos.com/v1", "PodMonitor", "envoy-gateway", gateway.Namespace, Kube.ManagedLabels());
            controller["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject
                {
                    ["matchLabels"] = new JsonObject { ["control-plane"] = "envoy-gateway", ["app.kubernetes.io/instance"] = gateway.Release },
                },
                ["podMetricsEndpoints"] = new JsonArray(new JsonObject { ["port"] = "metrics", ["path"] = "/metrics", ["interval"] = "30s" }),
            };
            objects.Add(controller);
        }

        if (spec.IsEnabled("certManager"))
        {
            // Certificate expiry and readiness, which the platform's alerts read.
            var certManager = Kube.Object("monitoring.coreos.com/v1", "ServiceMonitor", "cert-manager", AddonCatalog.Get("certManager").Namespace, Kube.ManagedLabels());
            certManager["spec"] = new JsonObject
            {
                ["selector"] = new JsonObject
                {
                    ["matchLabels"] = new JsonObject { ["app.kubernetes.io/name"] = "cert-manager", ["app.kubernetes.io/component"] = "controller" },
                },
                ["endpoints"] = new JsonArray(new JsonObject { ["port"] = "tcp-prometheus-servicemonitor", ["path"] = "/metrics", ["interval"] = "60s" }),
            };
            objects.Add(certManager);
        }

        return objects;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = SizeFor(context.Spec.Environment);
        return
        [
            new Workload("prometheus", PrometheusReplicas(context), Resources.Of(size.Cpu, size.MemoryGiB, 1)),
            Workload.Pods("alertmanager", AlertmanagerReplicas(context), 0.05m, 128),
            Workload.Pods("operator", 1, 0.1m, 128),
            Workload.Pods("kube-state-metrics", 1, 0.05m, 128),
            Workload.DaemonSet("node-exporter", 0.05m, 64, hostLevel: true),
        ];
    }

    private static JsonObject Volume(string size) => new()
    {
        ["volumeClaimTemplate"] = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["accessModes"] = Kube.Strings("ReadWriteOnce"),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = size } },
            },
        },
    };
}
