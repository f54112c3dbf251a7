using System.Text;
using System.Text.Json.Nodes;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Alloy, the collector on every node. It ships every pod's logs to Loki: each instance tails the pods of its own
/// node through the Kubernetes API (no host paths, so no host access), labels the lines with namespace, pod,
/// container and app, and sends a tenant namespace's lines under that tenant's id and everything else under
/// <see cref="Loki.PlatformTenant"/>. With Tempo or Mimir on, its Service also takes OTLP (gRPC 4317, HTTP 4318),
/// labels what it gets with the sending pod's namespace, and batches traces to Tempo and metrics to Mimir. With no
/// backend on it has nothing to do.
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
        var spec = context.Spec;
        return spec.IsEnabled("loki") || spec.IsEnabled("tempo") || spec.IsEnabled("mimir") ? "helm" : "disabled";
    }

    /// <summary>Whether it takes OTLP from applications: when it is on and Tempo or Mimir is there to send it to.</summary>
    public static bool TakesOtlp(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.IsEnabled("alloy") && (spec.IsEnabled("tempo") || spec.IsEnabled("mimir"));
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
                ["extraPorts"] = TakesOtlp(context.Spec)
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
    /// traces to Tempo; with Mimir, OTLP metrics to Mimir under the cluster's tenant.
    /// </summary>
    public static string Config(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = new StringBuilder();
        if (spec.IsEnabled("loki"))
        {
            AppendLogs(text, spec);
        }

        if (spec.IsEnabled("tempo") || spec.IsEnabled("mimir"))
        {
            text.Append(text.Length > 0 ? "\n" : string.Empty);
            AppendOtlp(text, spec);
        }

        // One newline at the end, so the render shows the configuration as a literal block.
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static JsonObject OtlpPort(string name, int port) => new()
    {
        ["name"] = name,
        ["port"] = port,
        ["targetPort"] = port,
        ["protocol"] = "TCP",
    };

    private static void AppendOtlp(StringBuilder text, PlatformSpec spec)
    {
        // Each signal goes through the same pipeline to its own backend; a signal without one is not accepted.
        // Traces then split by tenant: each tenant's under its own id, the rest under the platform's.
        var traceTenants = TraceTenants(spec);
        var signals = new List<(string Signal, IReadOnlyList<string> Targets)>();
        if (spec.IsEnabled("tempo"))
        {
            signals.Add(("traces", [.. traceTenants.Select(t => t.Drop.Count > 0 ? $"otelcol.processor.filter.traces_{t.Label}.input" : $"otelcol.exporter.otlp.tempo_{t.Label}.input")]));
        }

        if (spec.IsEnabled("mimir"))
        {
            signals.Add(("metrics", ["otelcol.exporter.otlphttp.mimir.input"]));
        }

        // One target inline, several one to a line, so a long tenant list keeps the lines short.
        static string List(IReadOnlyList<string> targets) => targets.Count == 1
            ? $"[{targets[0]}]"
            : $"[\n{string.Concat(targets.Select(t => $"      {t},\n"))}    ]";
        string Outputs(Func<IReadOnlyList<string>, IReadOnlyList<string>> target) =>
            string.Concat(signals.Select(s => $"\n    {s.Signal} = {List(target(s.Targets))}"));

        // One statements block per signal, deleting the attributes k8sattributes would otherwise keep.
        string[] untrusted = ["k8s.namespace.name", "k8s.pod.name", "k8s.pod.ip", "k8s.pod.uid", "k8s.deployment.name"];
        string Untrusted() => string.Concat(signals.Select(s =>
            $"  {(s.Signal == "traces" ? "trace" : "metric")}_statements {{\n    context    = \"resource\"\n    statements = [\n"
            + string.Concat(untrusted.Select(a => $"      `delete_key(attributes, \"{a}\")`,\n"))
            + "    ]\n  }\n")).TrimEnd('\n');

        text.Append($$"""
            // OTLP from applications, labelled with the sending pod's namespace, batched to its backend.
            otelcol.receiver.otlp "apps" {
              grpc {
                endpoint = "0.0.0.0:{{Tempo.OtlpGrpc}}"
              }
              http {
                endpoint = "0.0.0.0:{{Tempo.OtlpHttp}}"
              }
              output {{{Outputs(_ => ["otelcol.processor.transform.apps.input"])}}
              }
            }

            // What a sender says of its own pod and namespace is dropped: the tenant a span goes to must come from
            // where it was sent from, not from what it claims.
            otelcol.processor.transform "apps" {
              error_mode = "ignore"
            {{Untrusted()}}
              output {{{Outputs(_ => ["otelcol.processor.k8sattributes.apps.input"])}}
              }
            }

            otelcol.processor.k8sattributes "apps" {
              pod_association {
                source {
                  from = "connection"
                }
              }
              extract {
                metadata = ["k8s.namespace.name", "k8s.pod.name", "k8s.deployment.name"]
              }
              output {{{Outputs(_ => ["otelcol.processor.batch.apps.input"])}}
              }
            }

            otelcol.processor.batch "apps" {
              output {{{Outputs(e => e)}}
              }
            }


            """);
        if (spec.IsEnabled("tempo"))
        {
            var tempo = (Tempo)AddonCatalog.Get("tempo");
            foreach (var (label, tenant, drop) in traceTenants)
            {
                if (drop.Count > 0)
                {
                    // The filter drops every span these conditions match (a missing namespace matches "!=").
                    var conditions = string.Join(",\n", drop.Select(d => $"      `{d}`"));
                    text.Append($$"""
                        otelcol.processor.filter "traces_{{label}}" {
                          error_mode = "ignore"
                          traces {
                            span = [
                        {{conditions}},
                            ]
                          }
                          output {
                            traces = [otelcol.exporter.otlp.tempo_{{label}}.input]
                          }
                        }


                        """);
                }

                text.Append($$"""
                    otelcol.exporter.otlp "tempo_{{label}}" {
                      client {
                        endpoint = "{{tempo.OtlpEndpoint(spec)}}"
                        headers  = {
                          "{{AddonCatalog.TenantHeader}}" = "{{tenant}}",
                        }
                        tls {
                          insecure = true
                        }
                      }
                    }


                    """);
            }
        }

        if (spec.IsEnabled("mimir"))
        {
            var mimir = (Mimir)AddonCatalog.Get("mimir");
            text.Append($$"""
                otelcol.exporter.otlphttp "mimir" {
                  client {
                    endpoint = "{{mimir.OtlpUrl}}"
                    headers  = {
                      "{{AddonCatalog.TenantHeader}}" = "{{Mimir.Tenant(spec)}}",
                    }
                  }
                }


                """);
        }
    }

    /// <summary>
    /// Where traces go: a tenant's namespace under its tenant id, everything else under the platform's (the same ids
    /// as its logs). Each comes with its component label and the span conditions its filter drops.
    /// </summary>
    private static List<(string Label, string Tenant, IReadOnlyList<string> Drop)> TraceTenants(PlatformSpec spec)
    {
        const string Namespace = "resource.attributes[\"k8s.namespace.name\"]";
        var tenants = spec.Tenants.Select(t => t.Name).ToList();
        var routes = new List<(string Label, string Tenant, IReadOnlyList<string> Drop)>
        {
            // With no tenants there is nothing to drop, and the platform's exporter takes every span.
            (Loki.PlatformTenant, Loki.PlatformTenant, [.. tenants.Select(t => $"{Namespace} == \"{t}\"")]),
        };
        routes.AddRange(tenants.Select(t => (t.Replace('-', '_'), t, (IReadOnlyList<string>)[$"{Namespace} != \"{t}\""])));
        return routes;
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
