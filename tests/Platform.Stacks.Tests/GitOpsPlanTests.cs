using System.Text.Json.Nodes;
using Platform.Stacks.Addons;
using Platform.Stacks.Binding;

namespace Platform.Stacks.Tests;

/// <summary>Argo CD: its values per profile, its Secrets, its projects, the root application and the cluster metadata.</summary>
public class GitOpsPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan Staging() => Planner.PlanStackFile(Repo.Root, "staging").Plan!;

    private static AddonPlan ArgoCd(PlatformPlan plan) => plan.Addons.Single(a => a.Name == "argocd");

    private static JsonObject Values(PlatformPlan plan) => ArgoCd(plan).Release!.Values;

    private static JsonObject Object(PlatformPlan plan, string kind, string name) =>
        ArgoCd(plan).Objects.Single(o => (string)o["kind"]! == kind && (string)o["metadata"]!["name"]! == name);

    private static string WithGitOps(string gitops) =>
        Stacks.GcpStaging("platform:dns: { domain: staging.example.com, zone: staging-example-com }", $"platform:gitops: {{ repoUrl: https://github.com/acme/gitops, {gitops} }}");

    [Fact]
    public void ValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        // Checked against argo-cd 10.1.1's values.yaml. configs.cm and configs.params take any Argo CD setting;
        // redis-ha.* are the redis-ha subchart's documented keys.
        "applicationSet.pdb.enabled, applicationSet.replicas, applicationSet.resources.limits.memory, applicationSet.resources.requests.cpu, applicationSet.resources.requests.memory, configs.cm.admin.enabled, configs.cm.exec.enabled, configs.cm.oidc.config, configs.cm.resource.customizations.health.argoproj.io_Application, configs.params.server.insecure, configs.rbac.policy.csv, configs.rbac.policy.default, configs.rbac.scopes, configs.secret.createSecret, controller.dynamicClusterDistribution, controller.metrics.enabled, controller.metrics.serviceMonitor.enabled, controller.pdb.enabled, controller.replicas, controller.resources.limits.memory, controller.resources.requests.cpu, controller.resources.requests.memory, dex.enabled, fullnameOverride, global.domain, global.priorityClassName, notifications.enabled, redis-ha.enabled, redis-ha.haproxy.resources.limits.memory, redis-ha.haproxy.resources.requests.cpu, redis-ha.haproxy.resources.requests.memory, redis-ha.redis.resources.limits.memory, redis-ha.redis.resources.requests.cpu, redis-ha.redis.resources.requests.memory, redis.enabled, redis.resources.limits.memory, redis.resources.requests.cpu, redis.resources.requests.memory, redisSecretInit.resources.limits.memory, redisSecretInit.resources.requests.cpu, redisSecretInit.resources.requests.memory, repoServer.pdb.enabled, repoServer.replicas, repoServer.resources.limits.memory, repoServer.resources.requests.cpu, repoServer.resources.requests.memory, server.pdb.enabled, server.replicas, server.resources.limits.memory, server.resources.requests.cpu, server.resources.requests.memory".Split(", "),
        ValuePaths.Of(Values(Prod())));

    [Fact]
    public void ProdRunsEveryComponentTwiceWithRedisHaAndStagingOnce()
    {
        foreach (var component in new[] { "controller", "server", "repoServer", "applicationSet" })
        {
            Assert.Equal(2, (int)Values(Prod())[component]!["replicas"]!);
            Assert.True((bool)Values(Prod())[component]!["pdb"]!["enabled"]!);
            Assert.Equal(1, (int)Values(Staging())[component]!["replicas"]!);
        }

        Assert.Equal((true, false), ((bool)Values(Prod())["redis-ha"]!["enabled"]!, (bool)Values(Prod())["redis"]!["enabled"]!));
        Assert.Equal((false, true), ((bool)Values(Staging())["redis-ha"]!["enabled"]!, (bool)Values(Staging())["redis"]!["enabled"]!));
        // Two of each component (0.45 CPU, 1 GiB), three Redis (0.1 CPU, 256 MiB) and three HAProxy (0.05 CPU, 64 MiB).
        Assert.Equal(Model.Resources.Of(1.35m, 2.9375m, 14), ArgoCd(Prod()).Requests);
    }

    [Fact]
    public void TheAdminPasswordIsHashedFromSecretConfigAndTheChartMakesNoSecret()
    {
        var secret = Assert.Single(ArgoCd(Staging()).ConfigSecrets);

        Assert.False((bool)Values(Prod())["configs"]!["secret"]!["createSecret"]!);
        Assert.Equal((global::Platform.Stacks.Addons.ArgoCd.ServerSecret, "argocd", "argocdSecrets"), (secret.Name, secret.Namespace, secret.ConfigKey));
        Assert.Equal([new SecretValuePlan("admin.password", "adminPassword", Bcrypt: true)], secret.Values);
        Assert.Equal("argocd", secret.Labels!["app.kubernetes.io/part-of"]);
    }

    [Theory]
    [InlineData("credentials: https", "password,username", "password:repoPassword,username:repoUsername")]
    [InlineData("credentials: ssh, repoUrl: \"git@github.com:acme/gitops.git\"", "sshPrivateKey", "sshPrivateKey:repoSshKey")]
    public void RepositoryCredentialsComeFromSecretConfigIntoALabelledRepositorySecret(string gitops, string keys, string entries)
    {
        var yaml = Stacks.GcpStaging($"platform:gitops: {{ repoUrl: https://github.com/acme/gitops, {gitops} }}").Replace("repoUrl: https://github.com/acme/gitops, credentials: ssh, repoUrl:", "credentials: ssh, repoUrl:", StringComparison.Ordinal);
        var repository = Stacks.Valid(yaml).Addons.Single(a => a.Name == "argocd").ConfigSecrets.Single(s => s.Name == global::Platform.Stacks.Addons.ArgoCd.RepositorySecret);

        Assert.Equal(keys, string.Join(",", repository.Values.Select(v => v.DataKey).Order(StringComparer.Ordinal)));
        Assert.Equal(entries, string.Join(",", repository.Values.OrderBy(v => v.DataKey, StringComparer.Ordinal).Select(v => $"{v.DataKey}:{v.Entry}")));
        Assert.Equal("repository", repository.Labels!["argocd.argoproj.io/secret-type"]);
        Assert.Equal("git", repository.PlainData!["type"]);
        Assert.DoesNotContain(repository.Values, v => v.Bcrypt);
    }

    [Fact]
    public void APublicRepositoryNeedsNoCredentials() =>
        Assert.DoesNotContain(ArgoCd(Prod()).ConfigSecrets, s => s.Name == global::Platform.Stacks.Addons.ArgoCd.RepositorySecret);

    [Fact]
    public void WithSingleSignOnTheProviderSignsInAndTheAdminGroupAdministers()
    {
        var values = Values(Prod());
        var oidc = (string)values["configs"]!["cm"]!["oidc.config"]!;

        Assert.Contains("issuer: https://login.example.com", oidc, StringComparison.Ordinal);
        Assert.Contains("clientID: platform-argocd", oidc, StringComparison.Ordinal);
        Assert.Contains("clientSecret: $oidc.clientSecret", oidc, StringComparison.Ordinal);
        Assert.Equal("g, platform-admins@example.com, role:admin", (string)values["configs"]!["rbac"]!["policy.csv"]!);
        Assert.Equal("role:readonly", (string)values["configs"]!["rbac"]!["policy.default"]!);
        Assert.Contains(new SecretValuePlan("oidc.clientSecret", "oidcClientSecret"), Assert.Single(ArgoCd(Prod()).ConfigSecrets).Values);
        Assert.Null(Values(Staging())["configs"]!["rbac"]);
    }

    [Fact]
    public void EachTenantGetsAProjectConfinedToItsNamespaceThatCannotLoosenItsGuardrails()
    {
        var project = Object(Prod(), "AppProject", "payments")["spec"]!;

        Assert.Equal(["https://github.com/acme/platform-gitops"], project["sourceRepos"]!.AsArray().Select(r => (string)r!));
        var destination = Assert.Single(project["destinations"]!.AsArray())!;
        Assert.Equal(("https://kubernetes.default.svc", "payments"), ((string)destination["server"]!, (string)destination["namespace"]!));
        Assert.Empty(project["clusterResourceWhitelist"]!.AsArray());
        Assert.Equal(["ResourceQuota", "LimitRange", "NetworkPolicy", "Role", "RoleBinding"], project["namespaceResourceBlacklist"]!.AsArray().Select(k => (string)k!["kind"]!));
        Assert.Equal(["team-payments@example.com"], project["roles"]![0]!["groups"]!.AsArray().Select(g => (string)g!));
        Assert.Equal(["platform", "analytics", "payments", "search"], ArgoCd(Prod()).Objects.Where(o => (string)o["kind"]! == "AppProject").Select(o => (string)o["metadata"]!["name"]!));
    }

    [Fact]
    public void TheRootApplicationFollowsTheEnvironmentsFolderWithAutomatedSync()
    {
        var root = Object(Prod(), "Application", global::Platform.Stacks.Addons.ArgoCd.RootApplication);

        Assert.Equal("platform", (string)root["spec"]!["project"]!);
        Assert.Equal("overlays/prod", (string)root["spec"]!["source"]!["path"]!);
        Assert.Equal("main", (string)root["spec"]!["source"]!["targetRevision"]!);
        Assert.True((bool)root["spec"]!["syncPolicy"]!["automated"]!["prune"]!);
        Assert.True((bool)root["spec"]!["syncPolicy"]!["automated"]!["selfHeal"]!);
        Assert.Null(root["metadata"]!["finalizers"]);
    }

    [Fact]
    public void PruneAndSelfHealCanBeTurnedOffPerEnvironment()
    {
        var plan = Stacks.Valid(WithGitOps("prune: false, selfHeal: false"));
        var automated = Object(plan, "Application", global::Platform.Stacks.Addons.ArgoCd.RootApplication)["spec"]!["syncPolicy"]!["automated"]!;

        Assert.Equal((false, false), ((bool)automated["prune"]!, (bool)automated["selfHeal"]!));
    }

    [Fact]
    public void WithoutAGitOpsRepositoryThereAreNoProjectsAndNoRoot() => Assert.Equal(
        ["Secret in-cluster"],
        ArgoCd(Stacks.Valid(Stacks.GcpStaging())).Objects.Select(o => $"{o["kind"]} {o["metadata"]!["name"]}"));

    [Fact]
    public void TheInClusterSecretCarriesTheClustersMetadataForApplicationSets()
    {
        var secret = Object(Prod(), "Secret", "in-cluster");

        var labels = secret["metadata"]!["labels"]!;
        Assert.Equal("cluster", (string)labels["argocd.argoproj.io/secret-type"]!);
        Assert.Equal(("prod", "gcp", "europe-west1", "prod"), ((string)labels["platform/environment"]!, (string)labels["platform/cloud"]!, (string)labels["platform/region"]!, (string)labels["platform/cluster"]!));
        var annotations = secret["metadata"]!["annotations"]!;
        Assert.Equal("prod-external-dns@acme-platform-prod.iam.gserviceaccount.com", (string)annotations["platform/identity.externalDns"]!);
        Assert.Equal("acme-platform-prod", (string)annotations["platform/gcp-project"]!);
        Assert.Equal("https://kubernetes.default.svc", (string)secret["stringData"]!["server"]!);
    }

    [Fact]
    public void OnEksTheClusterSecretNamesTheAddonsPodIdentityRoles()
    {
        var plan = Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;
        var annotations = Object(plan, "Secret", "in-cluster")["metadata"]!["annotations"]!.AsObject();

        Assert.Equal(plan.Addons.Single(a => a.Name == "externalDns").Identity!.Aws!.RoleName, (string)annotations["platform/identity.externalDns"]!);
    }

    [Fact]
    public void ArgoCdIsServedOnItsOwnGatewayListenerThatOnlyItsNamespaceMayUse()
    {
        var plan = Prod();
        var route = Object(plan, "HTTPRoute", "argocd")["spec"]!;
        var gateway = plan.Addons.Single(a => a.Name == "envoyGateway").Objects.Single(o => (string)o["kind"]! == "Gateway");
        var listener = gateway["spec"]!["listeners"]!.AsArray().Single(l => (string)l!["name"]! == "argocd")!;

        Assert.Equal("argocd", (string)route["parentRefs"]![0]!["sectionName"]!);
        Assert.Equal(["argocd.prod.example.com"], route["hostnames"]!.AsArray().Select(h => (string)h!));
        Assert.Equal("argocd-server", (string)route["rules"]![0]!["backendRefs"]![0]!["name"]!);
        Assert.Equal("argocd.prod.example.com", (string)listener["hostname"]!);
        Assert.Equal("argocd", (string)listener["allowedRoutes"]!["namespaces"]!["selector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!);
        Assert.Equal("argocd.prod.example.com", (string)Values(plan)["global"]!["domain"]!);
        Assert.True((bool)Values(plan)["configs"]!["params"]!["server.insecure"]!);
    }

    [Fact]
    public void AppOfAppsWavesWaitForChildApplicationsHealth() => Assert.Contains(
        "obj.status.health.status",
        (string)Values(Prod())["configs"]!["cm"]!["resource.customizations.health.argoproj.io_Application"]!,
        StringComparison.Ordinal);

    [Theory]
    [InlineData("credentials: token", "platform:gitops.credentials: 'token' is not allowed; use none, https or ssh")]
    [InlineData("credentials: ssh", "platform:gitops.credentials: ssh needs an ssh repoUrl (git@host:org/repo.git), not 'https://github.com/acme/gitops'")]
    public void BadRepositoryCredentialsAreRejected(string gitops, string error) => Stacks.Rejects(WithGitOps(gitops), error);

    [Fact]
    public void AnArgoCdSecretInPlainTextIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:argocdSecrets: { adminPassword: hunter2 }"),
        "platform:argocdSecrets.adminPassword: is in plain text; set it as a secret with pulumi config set --secret --path 'platform:argocdSecrets.adminPassword' <value>");

    [Theory]
    [InlineData(true, "none", "adminPassword")]
    [InlineData(true, "https", "adminPassword repoPassword repoUsername")]
    [InlineData(true, "ssh", "adminPassword repoSshKey")]
    [InlineData(false, "https", "")]
    public void TheArgoCdSecretsAStackNeedsFollowItsCredentials(bool argocd, string credentials, string entries) => Assert.Equal(
        entries,
        string.Join(" ", SpecBinder.ArgoCdSecretEntries(argocd, new Model.GitOpsSpec("https://github.com/acme/gitops", "overlays/prod", "main", Credentials: credentials))));

    [Fact]
    public void OnlyADevStackMayLeaveTheAdminPasswordToArgoCd()
    {
        var dev = Planner.PlanStackFile(Repo.Examples, "local").Plan!;

        Assert.True(Assert.Single(ArgoCd(dev).ConfigSecrets).Values.Single().Optional);
        Assert.False(Assert.Single(ArgoCd(Staging()).ConfigSecrets).Values.Single().Optional);
    }

    [Fact]
    public void ADevStackThatSetsOnlyRepositoryCredentialsIsNotWarnedAboutTheAdminPassword()
    {
        var result = Stacks.Plan(Stacks.Config(
            "platform:environment: dev",
            "platform:expiresAt: 2099-01-01",
            "platform:cluster: { context: kind-platform }",
            "platform:gitops: { repoUrl: https://github.com/acme/gitops, credentials: https }",
            "platform:argocdSecrets: { repoUsername: { secure: AAABAQ== } }"), "dev-x");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings, w => w.Key.StartsWith("platform:argocdSecrets", StringComparison.Ordinal));
        Assert.Equal("platform:argocdSecrets.repoPassword", warning.Key);
    }
}
