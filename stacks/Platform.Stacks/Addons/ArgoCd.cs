using System.Text.Json.Nodes;
using Platform.Stacks.Binding;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Argo CD, for GitOps: the argo-cd chart (HA in prod: two replicas of the application controller, server, repo
/// server and ApplicationSet controller, with Redis HA), served at <c>argocd.&lt;domain&gt;</c> through the shared
/// Gateway. The admin password comes from secret config, hashed into <c>argocd-secret</c> by the program; there is no
/// default (a dev stack may leave it unset, and Argo CD then makes a random one). With <c>platform:gitops</c> it owns the platform's AppProject, one AppProject per tenant confined to the
/// tenant's namespace, and the root Application that syncs the environment's folder of the GitOps repository; the
/// repository's credentials come from secret config. The in-cluster cluster Secret carries the environment, cloud,
/// region, cluster and the add-ons' cloud identities as labels and annotations, for ApplicationSet cluster generators.
/// </summary>
public sealed class ArgoCd : AddonDefinition
{
    /// <summary>Names of the chart's objects: argocd-server, argocd-repo-server, …</summary>
    public const string FullName = "argocd";

    /// <summary>The AppProject of the platform's own applications, and of the root Application.</summary>
    public const string PlatformProject = "platform";

    /// <summary>The root Application, which syncs the environment's folder of the GitOps repository.</summary>
    public const string RootApplication = "platform-root";

    /// <summary>The in-cluster API server, as Argo CD names the cluster it runs in.</summary>
    public const string InCluster = "https://kubernetes.default.svc";

    /// <summary>The Secret of the admin password (bcrypt) that the chart would otherwise generate.</summary>
    public const string ServerSecret = "argocd-secret";

    /// <summary>The Secret of the GitOps repository's credentials.</summary>
    public const string RepositorySecret = "gitops-repository";

    /// <summary>The secret config map the Secrets read (<c>platform:argocdSecrets</c>).</summary>
    public const string SecretsKey = "argocdSecrets";

    /// <inheritdoc />
    public override string Name => "argocd";

    /// <inheritdoc />
    public override string Release => "argo-cd";

    /// <inheritdoc />
    public override string Namespace => "argocd";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("argo-cd", "https://argoproj.github.io/argo-helm", "10.1.1");

    /// <summary>Its metrics monitors need the Prometheus Operator's CRDs; its route, the Gateway.</summary>
    public override IReadOnlyList<string> After { get; } = ["prometheus", "envoyGateway"];

    /// <inheritdoc />
    public override string? UiHost => "argocd";

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var ha = context.HighAvailability;
        var global = new JsonObject { ["priorityClassName"] = PriorityClasses.Platform };
        if (UiUrl(spec) is { } host)
        {
            global["domain"] = host;
        }

        var cm = new JsonObject
        {
            ["admin.enabled"] = true,
            ["exec.enabled"] = false,
            // Argo CD no longer reports an Application's health to its parent, so sync waves in an
            // app-of-apps would not wait for the apps of an earlier wave. This restores that.
            ["resource.customizations.health.argoproj.io_Application"] = ApplicationHealth,
        };
        var rbac = new JsonObject();
        if (spec.Sso is { ArgoCdClientId: { } clientId } sso)
        {
            // Sign-in through the provider; the client secret is argocd-secret's oidc.clientSecret. The local admin
            // stays as a way in when the provider is down.
            cm["oidc.config"] = $"""
                name: SSO
                issuer: {sso.Issuer}
                clientID: {clientId}
                clientSecret: $oidc.clientSecret
                requestedScopes: ["openid", "profile", "email"]
                requestedIDTokenClaims:
                  {sso.GroupsClaim}:
                    essential: true
                """;
            rbac["policy.default"] = "role:readonly";
            rbac["policy.csv"] = $"g, {sso.AdminGroup}, role:admin";
            rbac["scopes"] = $"[{sso.GroupsClaim}]";
        }

        var metrics = spec.IsEnabled("prometheus")
            ? new JsonObject { ["enabled"] = true, ["serviceMonitor"] = new JsonObject { ["enabled"] = true } }
            : new JsonObject { ["enabled"] = false };
        var values = new JsonObject
        {
            ["fullnameOverride"] = FullName,
            ["global"] = global,
            ["configs"] = new JsonObject
            {
                ["cm"] = cm,
                // TLS ends at the Gateway; the server speaks plain HTTP behind it.
                ["params"] = new JsonObject { ["server.insecure"] = true },
                // The program writes argocd-secret itself, with the admin password from secret config.
                ["secret"] = new JsonObject { ["createSecret"] = false },
            },
            ["controller"] = Component(context, "250m", "512Mi", "1Gi", metrics),
            ["server"] = Component(context, "50m", "128Mi", "256Mi"),
            ["repoServer"] = Component(context, "100m", "256Mi", "1Gi"),
            ["applicationSet"] = Component(context, "50m", "128Mi", "256Mi"),
            ["redis"] = new JsonObject { ["enabled"] = !ha, ["resources"] = ValueParts.Resources("50m", "64Mi", "128Mi") },
            ["redis-ha"] = new JsonObject
            {
                ["enabled"] = ha,
                ["redis"] = new JsonObject { ["resources"] = ValueParts.Resources("100m", "256Mi", "512Mi") },
                ["haproxy"] = new JsonObject { ["resources"] = ValueParts.Resources("50m", "64Mi", "128Mi") },
            },
            ["redisSecretInit"] = new JsonObject { ["resources"] = ValueParts.Resources("10m", "32Mi", "64Mi") },
            // Alerts come from Prometheus; sign-in is the admin account until single sign-on is configured.
            ["notifications"] = new JsonObject { ["enabled"] = false },
            ["dex"] = new JsonObject { ["enabled"] = false },
        };
        if (rbac.Count > 0)
        {
            values["configs"]!["rbac"] = rbac;
        }

        return values;
    }

    /// <inheritdoc />
    public override IReadOnlyList<ConfigSecretPlan> Secrets(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var partOf = new Dictionary<string, string> { ["app.kubernetes.io/part-of"] = "argocd" };
        var secrets = new List<ConfigSecretPlan>
        {
            // On a dev or PR stack the password may be left unset: Argo CD then makes a random one, kept in the
            // argocd-initial-admin-secret Secret. Shared stacks must set it.
            new(ServerSecret, Namespace, SecretsKey, [
                new SecretValuePlan("admin.password", "adminPassword", Bcrypt: true, Optional: context.Spec.Environment == EnvironmentProfile.Dev),
                .. context.Spec.Sso is { ArgoCdClientId: not null } ? [new SecretValuePlan("oidc.clientSecret", "oidcClientSecret")] : Array.Empty<SecretValuePlan>(),
            ], partOf),
        };
        if (context.Spec.GitOps is { Credentials: not "none" } gitops)
        {
            var labels = new Dictionary<string, string>(partOf) { ["argocd.argoproj.io/secret-type"] = "repository" };
            var plain = new Dictionary<string, string> { ["type"] = "git", ["url"] = gitops.RepoUrl };
            SecretValuePlan[] values = gitops.Credentials == "ssh"
                ? [new("sshPrivateKey", "repoSshKey")]
                : [new("username", "repoUsername"), new("password", "repoPassword")];
            secrets.Add(new ConfigSecretPlan(RepositorySecret, Namespace, SecretsKey, values, labels, plain));
        }

        return secrets;
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Objects(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = context.Spec;
        var objects = new List<JsonObject> { ClusterSecret(spec) };
        if (UiUrl(spec) is { } host && spec.IsEnabled("envoyGateway"))
        {
            objects.Add(EnvoyGateway.UiRoute(this, host, $"{FullName}-server", 80));
        }

        if (spec.GitOps is not { } gitops)
        {
            return objects;
        }

        objects.Add(Project(PlatformProject, "The platform's own applications, and the root application.", gitops, "*", [new JsonObject { ["group"] = "*", ["kind"] = "*" }], null));
        foreach (var tenant in spec.Tenants)
        {
            objects.Add(Project(tenant.Name, $"Applications of tenant {tenant.Name}, confined to its namespace.", gitops, tenant.Name, [], tenant.Group));
        }

        objects.Add(Root(gitops));
        return objects;
    }

    /// <summary>The host Argo CD is served at, <c>argocd.&lt;domain&gt;</c>, or null without a domain.</summary>
    public string? UiUrl(PlatformSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.DnsDomain is { } domain ? $"{UiHost}.{domain}" : null;
    }

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var replicas = context.Replicas();
        var workloads = new List<Workload>
        {
            Workload.Pods("application-controller", replicas, 0.25m, 512),
            Workload.Pods("server", replicas, 0.05m, 128),
            Workload.Pods("repo-server", replicas, 0.1m, 256),
            Workload.Pods("applicationset-controller", replicas, 0.05m, 128),
        };
        workloads.AddRange(context.HighAvailability
            ? [Workload.Pods("redis-ha", 3, 0.1m, 256), Workload.Pods("redis-ha-haproxy", 3, 0.05m, 64)]
            : [Workload.Pods("redis", 1, 0.05m, 64)]);
        return workloads;
    }

    /// <summary>A Lua health check that reports an Application's own health, so waves of apps wait for each other.</summary>
    private const string ApplicationHealth = """
        local health = { status = "Progressing", message = "" }
        if obj.status ~= nil and obj.status.health ~= nil then
          health.status = obj.status.health.status
          if obj.status.health.message ~= nil then
            health.message = obj.status.health.message
          end
        end
        return health
        """;

    private static JsonObject Component(AddonContext context, string cpu, string memory, string limit, JsonObject? metrics = null)
    {
        var component = new JsonObject
        {
            ["replicas"] = context.Replicas(),
            ["resources"] = ValueParts.Resources(cpu, memory, limit),
            ["pdb"] = new JsonObject { ["enabled"] = context.HighAvailability },
        };
        if (metrics is not null)
        {
            // The application controller: with one cluster a second replica only helps if the shard moves to it
            // when the first fails, which dynamic distribution does.
            component["metrics"] = metrics;
            component["dynamicClusterDistribution"] = context.HighAvailability;
        }

        return component;
    }

    private JsonObject ClusterSecret(PlatformSpec spec)
    {
        var labels = Kube.ManagedLabels(
            ("argocd.argoproj.io/secret-type", "cluster"),
            ("platform/environment", spec.Environment.ToString().ToLowerInvariant()),
            ("platform/cloud", spec.Cloud.ToString().ToLowerInvariant()),
            ("platform/cluster", spec.Cluster.Name));
        if (spec.Cloud != CloudKind.Existing)
        {
            labels["platform/region"] = spec.Cluster.Region;
        }

        var annotations = new JsonObject();
        if (spec.GcpProject is { } project)
        {
            annotations["platform/gcp-project"] = project;
        }

        if (spec.DnsDomain is { } domain)
        {
            annotations["platform/domain"] = domain;
        }

        foreach (var addon in AddonCatalog.All.Where(a => spec.IsEnabled(a.Name) && a.Name != Name))
        {
            var context = new AddonContext(spec, spec.Addons.First(s => s.Name == addon.Name));
            if (addon.Delivery(context) == "helm" && addon.Identity(context) is { } identity)
            {
                annotations[$"platform/identity.{addon.Name}"] = identity.Gcp?.Email ?? identity.Aws!.RoleName;
            }
        }

        var secret = Kube.Object("v1", "Secret", "in-cluster", Namespace, labels);
        if (annotations.Count > 0)
        {
            secret["metadata"]!["annotations"] = annotations;
        }

        secret["type"] = "Opaque";
        secret["stringData"] = new JsonObject
        {
            ["name"] = "in-cluster",
            ["server"] = InCluster,
            ["config"] = """{"tlsClientConfig":{"insecure":false}}""",
        };
        return secret;
    }

    private JsonObject Project(string name, string description, GitOpsSpec gitops, string destinationNamespace, JsonArray clusterResources, string? group)
    {
        var project = Kube.Object("argoproj.io/v1alpha1", "AppProject", name, Namespace, Kube.ManagedLabels());
        var spec = new JsonObject
        {
            ["description"] = description,
            ["sourceRepos"] = Kube.Strings(gitops.RepoUrl),
            ["destinations"] = new JsonArray(new JsonObject { ["server"] = InCluster, ["namespace"] = destinationNamespace }),
            ["clusterResourceWhitelist"] = clusterResources,
        };
        if (name != PlatformProject)
        {
            // A tenant's apps must not loosen what the platform set in its namespace.
            spec["namespaceResourceBlacklist"] = new JsonArray(
                Kind(string.Empty, "ResourceQuota"),
                Kind(string.Empty, "LimitRange"),
                Kind("networking.k8s.io", "NetworkPolicy"),
                Kind("rbac.authorization.k8s.io", "Role"),
                Kind("rbac.authorization.k8s.io", "RoleBinding"));
        }

        if (group is { Length: > 0 })
        {
            spec["roles"] = new JsonArray(new JsonObject
            {
                ["name"] = "team",
                ["description"] = $"Members of {group} manage the project's applications.",
                ["policies"] = Kube.Strings($"p, proj:{name}:team, applications, *, {name}/*, allow"),
                ["groups"] = Kube.Strings(group),
            });
        }

        project["spec"] = spec;
        return project;
    }

    private JsonObject Root(GitOpsSpec gitops)
    {
        var root = Kube.Object("argoproj.io/v1alpha1", "Application", RootApplication, Namespace, Kube.ManagedLabels());
        // No resources finalizer: deleting the root (say, by removing platform:gitops) leaves its apps running.
        root["spec"] = new JsonObject
        {
            ["project"] = PlatformProject,
            ["source"] = new JsonObject { ["repoURL"] = gitops.RepoUrl, ["path"] = gitops.Path, ["targetRevision"] = gitops.Revision },
            ["destination"] = new JsonObject { ["server"] = InCluster, ["namespace"] = Namespace },
            ["syncPolicy"] = new JsonObject
            {
                ["automated"] = new JsonObject { ["prune"] = gitops.Prune, ["selfHeal"] = gitops.SelfHeal },
                ["retry"] = new JsonObject
                {
                    ["limit"] = 5,
                    ["backoff"] = new JsonObject { ["duration"] = "10s", ["factor"] = 2, ["maxDuration"] = "5m" },
                },
            },
        };
        return root;
    }

    private static JsonObject Kind(string group, string kind) => new() { ["group"] = group, ["kind"] = kind };
}
