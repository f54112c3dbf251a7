using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Stacks.Alerting;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Grafana, served at <c>grafana.&lt;domain&gt;</c> through the shared Gateway, with the datasources the installed
/// add-ons serve (today Prometheus and Alertmanager), the monitoring chart's Kubernetes dashboards, and a folder per
/// tenant holding that tenant's overview: resource use against its quota, restarts, and each of its SLOs against
/// its budget. The admin password comes from secret config; only a dev stack may leave it to the chart, which
/// then makes a random one. One replica, with a persistent volume outside dev: several replicas would need a shared
/// database.
/// </summary>
public sealed class Grafana : AddonDefinition
{
    /// <summary>The annotation that names a dashboard ConfigMap's folder.</summary>
    public const string FolderAnnotation = "grafana_folder";

    /// <summary>The label (with value "1") that marks a ConfigMap as dashboards for the sidecar to load.</summary>
    public const string DashboardLabel = "grafana_dashboard";

    /// <summary>The Secret of the admin account, from <c>platform:grafanaSecrets</c>.</summary>
    public const string AdminSecret = "grafana-admin";

    /// <summary>The Secret of the single sign-on client secret, from <c>platform:grafanaSecrets</c>.</summary>
    public const string SsoSecret = "grafana-sso";

    /// <inheritdoc />
    public override string Name => "grafana";

    /// <inheritdoc />
    public override string Release => "grafana";

    /// <inheritdoc />
    public override string Namespace => AddonCatalog.ObservabilityNamespace;

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("grafana", "https://grafana-community.github.io/helm-charts", "12.11.1");

    /// <inheritdoc />
    public override IReadOnlyList<string> DependsOn { get; } = ["prometheus"];

    /// <summary>Its route needs the Gateway.</summary>
    public override IReadOnlyList<string> After { get; } = ["envoyGateway"];

    /// <inheritdoc />
    public override string? UiHost => "grafana";

    /// <summary>Whether the admin password comes from secret config: always, except on a dev stack that sets none.</summary>
    public static bool OwnAdminSecret(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Environment != EnvironmentProfile.Dev || spec.HasSecretMap("grafanaSecrets");
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConfigSecretPlan> Secrets(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var secrets = new List<ConfigSecretPlan>();
        if (OwnAdminSecret(context.Spec))
        {
            secrets.Add(new ConfigSecretPlan(AdminSecret, Namespace, "grafanaSecrets", [new SecretValuePlan("admin-password", "adminPassword")], PlainData: new Dictionary<string, string> { ["admin-user"] = "admin" }));
        }

        if (context.Spec.Sso is { GrafanaClientId: not null })
        {
            secrets.Add(new ConfigSecretPlan(SsoSecret, Namespace, "grafanaSecrets", [new SecretValuePlan("client-secret", "oidcClientSecret")]));
        }

        return secrets;
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var server = new JsonObject();
        if (spec.DnsDomain is { } domain)
        {
            server["domain"] = $"{UiHost}.{domain}";
            server["root_url"] = $"https://{UiHost}.{domain}";
        }

        var values = new JsonObject
        {
            ["replicas"] = 1,
            ["resources"] = ValueParts.Resources("100m", "256Mi", "512Mi"),
            ["persistence"] = new JsonObject { ["enabled"] = spec.Environment != EnvironmentProfile.Dev, ["size"] = "10Gi" },
            ["priorityClassName"] = Manifests.PriorityClasses.Platform,
            ["serviceMonitor"] = new JsonObject { ["enabled"] = true },
            // The volume attaches to one node at a time, so the old pod goes before the new one starts.
            ["deploymentStrategy"] = new JsonObject { ["type"] = spec.Environment != EnvironmentProfile.Dev ? "Recreate" : "RollingUpdate" },
            ["grafana.ini"] = new JsonObject
            {
                ["server"] = server,
                ["analytics"] = new JsonObject { ["check_for_updates"] = false, ["reporting_enabled"] = false },
                ["users"] = new JsonObject { ["allow_sign_up"] = false },
                ["auth.anonymous"] = new JsonObject { ["enabled"] = false },
            },
            ["datasources"] = new JsonObject
            {
                ["datasources.yaml"] = new JsonObject { ["apiVersion"] = 1, ["datasources"] = new JsonArray([.. DatasourcesOf(spec)]) },
            },
            ["sidecar"] = new JsonObject
            {
                ["resources"] = ValueParts.Resources("20m", "64Mi", "128Mi"),
                ["dashboards"] = new JsonObject
                {
                    ["enabled"] = true,
                    ["label"] = DashboardLabel,
                    ["labelValue"] = "1",
                    ["searchNamespace"] = "ALL",
                    ["folderAnnotation"] = FolderAnnotation,
                    ["provider"] = new JsonObject { ["foldersFromFilesStructure"] = true },
                },
            },
        };
        if (OwnAdminSecret(spec))
        {
            values["admin"] = new JsonObject { ["existingSecret"] = AdminSecret, ["userKey"] = "admin-user", ["passwordKey"] = "admin-password" };
        }

        if (spec.Sso is { GrafanaClientId: { } clientId } sso)
        {
            // Members of the admin group administer Grafana; everyone else the provider signs in may view.
            // A JMESPath identifier; quoted only when it must be (grafana.ini would strip quotes around a whole value).
            var claim = sso.GroupsClaim.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? sso.GroupsClaim : $"\"{sso.GroupsClaim}\"";
            values["grafana.ini"]!["auth.generic_oauth"] = new JsonObject
            {
                ["enabled"] = true,
                ["name"] = "SSO",
                ["client_id"] = clientId,
                ["scopes"] = "openid profile email",
                ["auth_url"] = sso.AuthUrl,
                ["token_url"] = sso.TokenUrl,
                ["api_url"] = sso.UserInfoUrl,
                ["use_pkce"] = true,
                ["allow_sign_up"] = true,
                ["groups_attribute_path"] = claim,
                ["role_attribute_path"] = $"contains({claim}[*], '{sso.AdminGroup}') && 'Admin' || 'Viewer'",
            };
            values["envValueFrom"] = new JsonObject
            {
                ["GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET"] = new JsonObject
                {
                    ["secretKeyRef"] = new JsonObject { ["name"] = SsoSecret, ["key"] = "client-secret" },
                },
            };
        }

        return values;
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Objects(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var objects = new List<JsonObject>();
        if (spec.DnsDomain is { } domain && spec.IsEnabled("envoyGateway"))
        {
            objects.Add(EnvoyGateway.UiRoute(this, $"{UiHost}.{domain}", Release, 80));
        }

        if (spec.IsEnabled("prometheus"))
        {
            var platform = Kube.Object("v1", "ConfigMap", "dashboards-platform", Namespace, Kube.ManagedLabels((DashboardLabel, "1")));
            platform["metadata"]!["annotations"] = new JsonObject { [FolderAnnotation] = PlatformFolder };
            platform["data"] = new JsonObject
            {
                ["node-pools.json"] = NodePoolsDashboard().ToJsonString(Indented),
                ["addons.json"] = AddonsDashboard(spec).ToJsonString(Indented),
            };
            objects.Add(platform);
        }

        foreach (var tenant in spec.Tenants)
        {
            var map = Kube.Object("v1", "ConfigMap", $"dashboards-{tenant.Name}", Namespace, Kube.ManagedLabels((DashboardLabel, "1")));
            map["metadata"]!["annotations"] = new JsonObject { [FolderAnnotation] = tenant.Name };
            map["data"] = new JsonObject { [$"{tenant.Name}-overview.json"] = TenantDashboard(tenant, spec.Slos.Where(s => s.Tenant == tenant.Name).ToList()).ToJsonString(Indented) };
            objects.Add(map);
        }

        return objects;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context) => [Workload.Pods("grafana", 1, 0.12m, 320)];

    /// <summary>The datasources of every installed add-on that serves one, in catalog order.</summary>
    public static IEnumerable<JsonObject> DatasourcesOf(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return AddonCatalog.All
            .Where(a => spec.IsEnabled(a.Name))
            .SelectMany(a => a.Datasources(new AddonContext(spec, spec.Addons.First(s => s.Name == a.Name))));
    }

    /// <summary>The folder of the platform's own dashboards.</summary>
    public const string PlatformFolder = "Platform";

    /// <summary>The node pools dashboard: nodes per pool, and the share of each pool's CPU and memory requested.</summary>
    public static JsonObject NodePoolsDashboard() => Dashboard("platform-node-pools", "Node pools", ["platform"],
    [
        Panel("Nodes per pool", 0, [("count by (label_platform_pool) (kube_node_labels{label_platform_pool!=\"\"})", "{{label_platform_pool}}")]),
        Panel("Requested share of allocatable, per pool (alert above 0.9)", 1, [(Alerting.PlatformAlerts.PoolRequestRatio, "{{label_platform_pool}} {{resource}}")]),
    ]);

    /// <summary>
    /// The add-ons dashboard: pods not ready and restarts in the add-ons' namespaces, and the signals the platform's
    /// alerts read for the add-ons that are on.
    /// </summary>
    public static JsonObject AddonsDashboard(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // The namespaces of the add-ons Helm installs here (not those the cloud provides, nor those with nothing to do).
        var namespaces = string.Join("|", AddonCatalog.All
            .Where(a => spec.IsEnabled(a.Name) && a.Delivery(new AddonContext(spec, spec.Addons.First(s => s.Name == a.Name))) == "helm")
            .Select(a => a.Namespace)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal));
        var selector = $"namespace=~{Promql.Quote(namespaces)}";
        var panels = new List<(string Title, IReadOnlyList<(string Expr, string Legend)> Queries)>
        {
            ("Pods not ready", [($"sum by (namespace) (kube_pod_status_ready{{condition=\"false\",{selector}}})", "{{namespace}}")]),
            ("Container restarts in the last hour", [($"sum by (namespace) (increase(kube_pod_container_status_restarts_total{{{selector}}}[1h]))", "{{namespace}}")]),
        };
        if (spec.IsEnabled("certManager"))
        {
            panels.Add(("Days until each certificate expires", [("min by (namespace, name) (certmanager_certificate_expiration_timestamp_seconds - time()) / 86400", "{{namespace}}/{{name}}")]));
        }

        if (spec.IsEnabled("argocd"))
        {
            panels.Add(("Argo CD apps by health", [("count by (health_status) (argocd_app_info)", "{{health_status}}")]));
        }

        if (spec.IsEnabled("loki"))
        {
            panels.Add(("Loki writes refused (share)", [(Alerting.PlatformAlerts.WriteErrorRatio(Alerting.PlatformAlerts.LokiWrites), "loki")]));
        }

        if (spec.IsEnabled("mimir"))
        {
            panels.Add(("Mimir writes refused (share), and samples Prometheus failed to send", [
                (Alerting.PlatformAlerts.WriteErrorRatio(Alerting.PlatformAlerts.MimirWrites), "mimir"),
                ("sum by (remote_name) (rate(prometheus_remote_storage_samples_failed_total[5m]))", "failed samples/s to {{remote_name}}"),
            ]));
        }

        return Dashboard("platform-addons", "Add-ons", ["platform"], [.. panels.Select((p, i) => Panel(p.Title, i, p.Queries))]);
    }

    private static JsonObject Dashboard(string uid, string title, string[] tags, IReadOnlyList<JsonObject> panels) => new()
    {
        ["uid"] = uid,
        ["title"] = title,
        ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
        ["timezone"] = "utc",
        ["schemaVersion"] = 39,
        ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
        ["panels"] = new JsonArray([.. panels]),
    };

    /// <summary>A tenant's overview dashboard: quota use, restarts, and one panel per SLO.</summary>
    public static JsonObject TenantDashboard(TenantSpec tenant, IReadOnlyList<SloSpec> slos)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(slos);
        var ns = Promql.Quote(tenant.Name);
        var panels = new List<JsonObject>
        {
            Panel("CPU used and quota (cores)", 0, [
                ($"sum(rate(container_cpu_usage_seconds_total{{namespace={ns},container!=\"\"}}[5m]))", "used"),
                ($"sum(kube_resourcequota{{namespace={ns},resource=\"requests.cpu\",type=\"hard\"}})", "quota"),
            ]),
            Panel("Memory used and quota (bytes)", 1, [
                ($"sum(container_memory_working_set_bytes{{namespace={ns},container!=\"\"}})", "used"),
                ($"sum(kube_resourcequota{{namespace={ns},resource=\"requests.memory\",type=\"hard\"}})", "quota"),
            ]),
            Panel("Container restarts in the last hour", 2, [
                ($"sum by (pod) (increase(kube_pod_container_status_restarts_total{{namespace={ns}}}[1h]))", "{{pod}}"),
            ]),
        };
        foreach (var slo in slos)
        {
            var selector = $"{{slo={Promql.Quote(slo.Name)}}}";
            panels.Add(Panel($"SLO {slo.Name}: error ratio and budget", panels.Count, [
                ($"{SloRules.ErrorRatio("1h")}{selector}", "error ratio (1h)"),
                ($"1 - {SloRules.ObjectiveRecord}{selector}", "budget"),
            ]));
        }

        return Dashboard($"tenant-{tenant.Name}", $"{tenant.Name}: overview", ["tenant", tenant.Name], panels);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject Panel(string title, int index, IReadOnlyList<(string Expr, string Legend)> queries) => new()
    {
        ["id"] = index + 1,
        ["type"] = "timeseries",
        ["title"] = title,
        ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = Prometheus.DatasourceUid },
        ["gridPos"] = new JsonObject { ["x"] = index % 2 * 12, ["y"] = index / 2 * 8, ["w"] = 12, ["h"] = 8 },
        ["targets"] = new JsonArray([.. queries.Select((q, i) => (JsonNode)new JsonObject
        {
            ["refId"] = ((char)('A' + i)).ToString(),
            ["expr"] = q.Expr,
            ["legendFormat"] = q.Legend,
            ["datasource"] = new JsonObject { ["type"] = "prometheus", ["uid"] = Prometheus.DatasourceUid },
        })]),
    };
}
