using System.Text;
using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Alloy, the collector on every node. It ships every pod's logs to Loki: each instance tails the pods of its own
/// node through the Kubernetes API (no host paths, so no host access), labels the lines with namespace, pod,
/// container and app, and sends a tenant namespace's lines under that tenant's id and everything else under
/// <see cref="Loki.PlatformTenant"/>. With Tempo on, its Service also takes OTLP traces (gRPC 4317, HTTP 4318),
/// labels them with their pod's namespace, and batches them to Tempo. With neither backend on it has nothing to do.
/// </summary>
public sealed class Alloy : AddonDefinition
{
    /// <inheritdoc />
    public override string Name => "alloy";

    /// <inheritdoc />
    public override string Release => "alloy";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("alloy", "https://grafana.github.io/helm-charts", "1.11.1");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <summary>It ships to Loki, so Loki goes first.</summary>
    public override IReadOnlyList<string> After { get; } = ["loki"];

    /// <inheritdoc />
    public override string Delivery(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Spec.IsEnabled("loki") || context.Spec.IsEnabled("tempo") ? "helm" : "disabled";
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new JsonObject
        {
            ["alloy"] = new JsonObject
            {
                ["configMap"] = new JsonObject { ["create"] = true, ["content"] = Config(context.Spec) },
                ["extraEnv"] = new JsonArray(new JsonObject
                {
                    ["name"] = "NODE_NAME",
                    ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "spec.nodeName" } },
                }),
                ["resources"] = ValueParts.Resources("50m", "128Mi", "512Mi"),
                ["extraPorts"] = context.Spec.IsEnabled("tempo")
                    ? new JsonArray(OtlpPort("otlp-grpc", Tempo.OtlpGrpc), OtlpPort("otlp-http", Tempo.OtlpHttp))
                    : new JsonArray(),
            },
            ["configReloader"] = new JsonObject { ["resources"] = ValueParts.Resources("10m", "32Mi", "64Mi") },
            ["controller"] = new JsonObject
            {
                ["type"] = "daemonset",
                ["priorityClassName"] = Manifests.PriorityClasses.Platform,
                // On every node, whatever its pool's taint.
                ["tolerations"] = new JsonArray(new JsonObject { ["operator"] = "Exists" }),
            },
            ["serviceMonitor"] = new JsonObject { ["enabled"] = context.Spec.IsEnabled("prometheus") },
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context) => [Workload.DaemonSet("alloy", 0.06m, 160)];

    /// <summary>
    /// The Alloy configuration: with Loki, pod logs of this node to Loki, each under its tenant's id; with Tempo, OTLP
    /// traces to Tempo.
    /// </summary>
    public static string Config(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = new StringBuilder();
        if (spec.IsEnabled("loki"))
        {
            AppendLogs(text, spec);
        }

        if (spec.IsEnabled("tempo"))
        {
            AppendTraces(text);
        }

        return text.ToString();
    }

    private static JsonObject OtlpPort(string name, int port) => new()
    {
        ["name"] = name,
        ["port"] = port,
        ["targetPort"] = port,
        ["protocol"] = "TCP",
    };

    private static void AppendTraces(StringBuilder text)
    {
        var tempo = AddonCatalog.Get("tempo");
        text.Append($$"""
            // OTLP traces from applications, labelled with their pod's namespace, batched to Tempo.
            otelcol.receiver.otlp "apps" {
              grpc {
                endpoint = "0.0.0.0:{{Tempo.OtlpGrpc}}"
              }
              http {
                endpoint = "0.0.0.0:{{Tempo.OtlpHttp}}"
              }
              output {
                traces = [otelcol.processor.k8sattributes.apps.input]
              }
            }

            otelcol.processor.k8sattributes "apps" {
              extract {
                metadata = ["k8s.namespace.name", "k8s.pod.name", "k8s.deployment.name"]
              }
              output {
                traces = [otelcol.processor.batch.apps.input]
              }
            }

            otelcol.processor.batch "apps" {
              output {
                traces = [otelcol.exporter.otlp.tempo.input]
              }
            }

            otelcol.exporter.otlp "tempo" {
              client {
                endpoint = "{{tempo.Release}}.{{tempo.Namespace}}.svc:{{Tempo.OtlpGrpc}}"
                tls {
                  insecure = true
                }
              }
            }

            """);
    }

    private static void AppendLogs(StringBuilder text, PlatformSpec spec)
    {
        var loki = AddonCatalog.Get("loki");
        var tenants = spec.Tenants.Select(t => t.Name).ToList();
        text.Append("""
            // Pods on this node, from the Kubernetes API.
            discovery.kubernetes "pods" {
              role = "pod"
              selectors {
                role  = "pod"
                field = "spec.nodeName=" + sys.env("NODE_NAME")
              }
            }

            discovery.relabel "pods" {
              targets = discovery.kubernetes.pods.targets
              rule {
                source_labels = ["__meta_kubernetes_namespace"]
                target_label  = "namespace"
              }
              rule {
                source_labels = ["__meta_kubernetes_pod_name"]
                target_label  = "pod"
              }
              rule {
                source_labels = ["__meta_kubernetes_pod_container_name"]
                target_label  = "container"
              }
              rule {
                source_labels = ["__meta_kubernetes_pod_label_app_kubernetes_io_name"]
                target_label  = "app"
              }
            }

            // Their logs, read through the API server: no host paths.
            loki.source.kubernetes "pods" {
              targets    = discovery.relabel.pods.output
              forward_to = [loki.process.tenants.receiver]
            }

            // Each tenant's lines under its own tenant id; the rest under the platform's.
            loki.process "tenants" {
              forward_to = [loki.write.loki.receiver]

            """);
        if (tenants.Count > 0)
        {
            var pattern = string.Join("|", tenants);
            text.Append($$"""
                  stage.match {
                    selector = "{namespace=~\"{{pattern}}\"}"
                    stage.tenant {
                      label = "namespace"
                    }
                  }

                  stage.match {
                    selector = "{namespace!~\"{{pattern}}\"}"
                    stage.tenant {
                      value = "{{Loki.PlatformTenant}}"
                    }
                  }

                """);
        }
        else
        {
            text.Append($$"""
                  stage.tenant {
                    value = "{{Loki.PlatformTenant}}"
                  }

                """);
        }

        text.Append($$"""
            }

            loki.write "loki" {
              endpoint {
                url = "http://{{loki.Release}}-gateway.{{loki.Namespace}}.svc/loki/api/v1/push"
              }
            }

            """);
    }
}
