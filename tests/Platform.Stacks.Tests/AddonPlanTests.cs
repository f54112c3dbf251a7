using System.Text.Json.Nodes;
using Platform.Stacks.Addons;
using Platform.Stacks.Manifests;
using YamlDotNet.RepresentationModel;

namespace Platform.Stacks.Tests;

/// <summary>The add-ons the program installs: what each file decides, and the key paths its values use.</summary>
public class AddonPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan AwsProd() => Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

    private static AddonPlan Addon(PlatformPlan plan, string name) => plan.Addons.Single(a => a.Name == name);

    private static PlatformPlan Local(params string[] extra) =>
        Stacks.Valid(Stacks.Config(["platform:environment: dev", "platform:expiresAt: 2099-12-31", "platform:cluster: { context: kind-platform }", .. extra]), "local");

    /// <summary>Every leaf key path of a values tree, e.g. <c>webhook.resources.requests.cpu</c>; lists are leaves.</summary>

    [Fact]
    public void OnEksCalicoIsTheTigeraOperatorInPolicyOnlyModeAfterItsCrdChart()
    {
        var calico = Addon(AwsProd(), "calico");

        Assert.Equal("helm", calico.Mode);
        Assert.Equal(["calico-crds", "tigera-operator"], calico.Releases.Select(r => r.Name));
        Assert.Equal(new ChartRef("crd.projectcalico.org.v1", Calico.Repository, "v3.32.1"), calico.Releases[0].Chart);
        Assert.Contains("calico-crds", calico.Releases[1].DependsOn);
        var values = calico.Releases[1].Values;
        Assert.Equal("EKS", values["installation"]!["kubernetesProvider"]!.GetValue<string>());
        Assert.Equal("AmazonVPC", values["installation"]!["cni"]!["type"]!.GetValue<string>());
        Assert.False(values["manageCRDs"]!.GetValue<bool>());
        Assert.Equal(PriorityClasses.PlatformCritical, values["priorityClassName"]!.GetValue<string>());
        Assert.Equal(2, values["installation"]!["controlPlaneReplicas"]!.GetValue<int>());
    }

    [Fact]
    public void OnGkeCalicoIsTheClustersOwnAndRunsNothingOfOurs()
    {
        var calico = Addon(Prod(), "calico");

        Assert.Equal("managed", calico.Mode);
        Assert.Empty(calico.Releases);
        Assert.Empty(calico.Workloads);
    }

    [Fact]
    public void OnAnExistingClusterCalicoIsOffUntilEnabledAndThenItIsTheCniOfTheKindConfig()
    {
        Assert.Equal("disabled", Addon(Local(), "calico").Mode);

        var calico = Addon(Local("platform:addons: { calico: true }"), "calico");
        var pool = calico.Releases[1].Values["installation"]!["calicoNetwork"]!["ipPools"]![0]!;
        var kind = new YamlStream();
        kind.Load(new StringReader(File.ReadAllText(Path.Combine(Repo.Examples, "kind-config.yaml"))));
        var kindPods = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)kind.Documents[0].RootNode).Children[new YamlScalarNode("networking")]).Children[new YamlScalarNode("podSubnet")]).Value;

        Assert.Equal("helm", calico.Mode);
        Assert.Equal("Calico", calico.Releases[1].Values["installation"]!["cni"]!["type"]!.GetValue<string>());
        Assert.Equal(kindPods, pool["cidr"]!.GetValue<string>());
    }

    [Fact]
    public void CertManagerIsReplicatedSpreadAndGuardedInProdOnly()
    {
        var prod = Addon(Prod(), "certManager").Release!.Values;
        var staging = Addon(Planner.PlanStackFile(Repo.Root, "staging").Plan!, "certManager").Release!.Values;

        foreach (var (values, replicas, guarded) in new[] { (prod, 2, true), (staging, 1, false) })
        {
            foreach (var component in new[] { values, values["webhook"]!.AsObject(), values["cainjector"]!.AsObject() })
            {
                Assert.Equal(replicas, component["replicaCount"]!.GetValue<int>());
                Assert.Equal(guarded, component["podDisruptionBudget"]!["enabled"]!.GetValue<bool>());
                Assert.Equal(guarded, component.ContainsKey("topologySpreadConstraints"));
                Assert.NotNull(component["resources"]!["requests"]!["cpu"]);
                Assert.NotNull(component["resources"]!["limits"]!["memory"]);
            }

            Assert.True(values["crds"]!["enabled"]!.GetValue<bool>());
            Assert.Equal(PriorityClasses.Platform, values["global"]!["priorityClassName"]!.GetValue<string>());
        }
    }

    [Fact]
    public void CertManagerBringsASelfSignedRootAndTheInternalCaIssuer()
    {
        var objects = Addon(Planner.PlanStackFile(Repo.Root, "staging").Plan!, "certManager").Objects;
        var root = objects.Single(o => o["kind"]!.GetValue<string>() == "Certificate");
        var ca = objects.Single(o => o["metadata"]!["name"]!.GetValue<string>() == CertManager.CaIssuer);

        Assert.Equal(["ClusterIssuer", "Certificate", "ClusterIssuer"], objects.Select(o => o["kind"]!.GetValue<string>()));
        Assert.True(root["spec"]!["isCA"]!.GetValue<bool>());
        Assert.Equal("cert-manager", root["metadata"]!["namespace"]!.GetValue<string>());
        Assert.Equal(CertManager.SelfSignedIssuer, root["spec"]!["issuerRef"]!["name"]!.GetValue<string>());
        Assert.Equal(root["spec"]!["secretName"]!.GetValue<string>(), ca["spec"]!["ca"]!["secretName"]!.GetValue<string>());
    }

    [Fact]
    public void TheCapacityCheckCountsWhatEachAddonsValuesRequest()
    {
        var plan = Prod();
        var certManager = Addon(plan, "certManager");

        Assert.Equal(Model.Resources.Of(0.2m, 0.625m, 6), certManager.Requests);
        Assert.Equal(plan.Addons.Aggregate(Model.Resources.Zero, (sum, a) => sum + a.Requests), plan.Capacity.Addons);
    }

    [Fact]
    public void AddonsThatNeedOthersCrdsOrCertificatesComeInLaterWaves()
    {
        var waves = AwsProd().Waves;

        Assert.Equal(3, waves.Count);
        Assert.Equal(["awsLoadBalancerController", "calico", "certManager", "kafka", "prometheus"], waves[0]);
        Assert.Equal(["envoyGateway", "kyverno", "loki", "mimir", "tempo"], waves[1]);
        Assert.Equal(["alloy", "argocd", "externalDns", "grafana"], waves[2]);
    }

    [Theory]
    [InlineData("cert-manager", "cainjector.podDisruptionBudget.enabled, cainjector.podDisruptionBudget.minAvailable, cainjector.replicaCount, cainjector.resources.limits.memory, cainjector.resources.requests.cpu, cainjector.resources.requests.memory, cainjector.topologySpreadConstraints, crds.enabled, crds.keep, global.priorityClassName, podDisruptionBudget.enabled, podDisruptionBudget.minAvailable, replicaCount, resources.limits.memory, resources.requests.cpu, resources.requests.memory, startupapicheck.resources.limits.memory, startupapicheck.resources.requests.cpu, startupapicheck.resources.requests.memory, topologySpreadConstraints, webhook.podDisruptionBudget.enabled, webhook.podDisruptionBudget.minAvailable, webhook.replicaCount, webhook.resources.limits.memory, webhook.resources.requests.cpu, webhook.resources.requests.memory, webhook.topologySpreadConstraints")]
    [InlineData("tigera-operator", "apiServer.enabled, goldmane.enabled, installation.calicoKubeControllersDeployment.spec.template.spec.containers, installation.calicoNodeDaemonSet.spec.template.spec.containers, installation.cni.type, installation.controlPlaneNodeSelector.platform/pool, installation.controlPlaneReplicas, installation.controlPlaneTolerations, installation.enabled, installation.kubernetesProvider, installation.typhaDeployment.spec.template.spec.containers, manageCRDs, priorityClassName, resources.limits.memory, resources.requests.cpu, resources.requests.memory, whisker.enabled")]
    [InlineData("cluster-autoscaler", "autoDiscovery.clusterName, awsRegion, cloudProvider, extraArgs.balance-similar-node-groups, extraArgs.expander, image.tag, nodeSelector.platform/pool, podLabels.platform/component, rbac.serviceAccount.create, rbac.serviceAccount.name, replicaCount, resources.limits.memory, resources.requests.cpu, resources.requests.memory, tolerations, topologySpreadConstraints")]
    public void ValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart(string release, string paths)
    {
        // These paths were checked against each pinned chart's values.yaml (and Calico's installation block against
        // the Installation CRD of the pinned operator). A new path fails here until someone checks it the same way.
        var values = AwsProd().Releases.Single(r => r.Name == release).Values;

        Assert.Equal(paths.Split(", "), ValuePaths.Of(values));
    }

    private static JsonObject Policy(PlatformPlan plan, string name) =>
        Addon(plan, "kyverno").Objects.Single(o => o["metadata"]!["name"]!.GetValue<string>() == name);

    [Fact]
    public void KyvernoEnforcesTheGuardrailsAndFailsClosedOnlyWhenReplicated()
    {
        var prod = Prod();
        var staging = Planner.PlanStackFile(Repo.Root, "staging").Plan!;

        Assert.Equal(
            ["platform-no-host-access", "platform-pinned-images", "platform-tenant-resources", "platform-tenant-placement"],
            Addon(prod, "kyverno").Objects.Select(o => o["metadata"]!["name"]!.GetValue<string>()));
        Assert.All(Addon(prod, "kyverno").Objects, p => Assert.Equal("Fail", p["spec"]!["failurePolicy"]!.GetValue<string>()));
        Assert.Equal(4, Addon(staging, "kyverno").Objects.Count);
        Assert.All(Addon(staging, "kyverno").Objects, p => Assert.Equal("Ignore", p["spec"]!["failurePolicy"]!.GetValue<string>()));
        Assert.Equal(3, Addon(prod, "kyverno").Release!.Values["admissionController"]!["replicas"]!.GetValue<int>());
        Assert.Equal(1, Addon(staging, "kyverno").Release!.Values["admissionController"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void HostAccessIsAllowedOnlyInTheSystemCniAndNodeExporterNamespaces()
    {
        var rule = Policy(AwsProd(), "platform-no-host-access")["spec"]!["rules"]![0]!;

        // monitoring holds node-exporter, and only the Prometheus stack: the LGTM stack is in observability.
        Assert.Equal(
            ["calico-system", "kube-node-lease", "kube-public", "kube-system", "monitoring", "tigera-operator"],
            rule["exclude"]!["any"]![0]!["resources"]!["namespaces"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("false", rule["validate"]!["pattern"]!["spec"]!["=(hostNetwork)"]!.GetValue<string>());
    }

    [Fact]
    public void TenantPodsArePlacedOnTheirPoolsAndTolerateOnlyTheirTaints()
    {
        var rules = Policy(Planner.PlanStackFile(Repo.Root, "staging").Plan!, "platform-tenant-placement")["spec"]!["rules"]!.AsArray();
        var search = rules.Single(r => r!["name"]!.GetValue<string>() == "place-search")!;
        var patch = search["mutate"]!["patchStrategicMerge"]!["spec"]!;
        var expression = patch["affinity"]!["nodeAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]!["nodeSelectorTerms"]![0]!["matchExpressions"]![0]!;

        Assert.Equal(["place-payments", "place-search"], rules.Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal(["general", "stateful"], expression["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        var toleration = Assert.Single(patch["tolerations"]!.AsArray())!;
        Assert.Equal("stateful", toleration["value"]!.GetValue<string>());
        Assert.Equal("NoSchedule", toleration["effect"]!.GetValue<string>());
        var payments = rules.Single(r => r!["name"]!.GetValue<string>() == "place-payments")!;
        Assert.Null(payments["mutate"]!["patchStrategicMerge"]!["spec"]!["tolerations"]);
    }

    [Fact]
    public void TenantContainersNeedRequestsAndAMemoryLimit()
    {
        var rule = Policy(Prod(), "platform-tenant-resources")["spec"]!["rules"]![0]!;

        Assert.Equal(TenancyManifests.TenantLabel, rule["match"]!["any"]![0]!["resources"]!["namespaceSelector"]!["matchExpressions"]![0]!["key"]!.GetValue<string>());
        Assert.Equal("?*", rule["validate"]!["pattern"]!["spec"]!["containers"]![0]!["resources"]!["limits"]!["memory"]!.GetValue<string>());
    }

    [Fact]
    public void KyvernoValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        "admissionController.container.resources.limits.memory, admissionController.container.resources.requests.cpu, admissionController.container.resources.requests.memory, admissionController.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution, admissionController.podDisruptionBudget.enabled, admissionController.priorityClassName, admissionController.replicas, admissionController.serviceMonitor.enabled, admissionController.tolerations, admissionController.topologySpreadConstraints, admissionController.webhookServer.port, backgroundController.podDisruptionBudget.enabled, backgroundController.priorityClassName, backgroundController.replicas, backgroundController.resources.limits.memory, backgroundController.resources.requests.cpu, backgroundController.resources.requests.memory, backgroundController.serviceMonitor.enabled, backgroundController.topologySpreadConstraints, cleanupController.podDisruptionBudget.enabled, cleanupController.priorityClassName, cleanupController.replicas, cleanupController.resources.limits.memory, cleanupController.resources.requests.cpu, cleanupController.resources.requests.memory, cleanupController.serviceMonitor.enabled, cleanupController.topologySpreadConstraints, crds.install, reportsController.podDisruptionBudget.enabled, reportsController.priorityClassName, reportsController.replicas, reportsController.resources.limits.memory, reportsController.resources.requests.cpu, reportsController.resources.requests.memory, reportsController.serviceMonitor.enabled, reportsController.topologySpreadConstraints".Split(", "),
        ValuePaths.Of(Addon(Prod(), "kyverno").Release!.Values));

    private static IReadOnlyList<JsonObject> GatewayObjects(PlatformPlan plan) => Addon(plan, "envoyGateway").Objects;

    private static JsonObject Kind(IReadOnlyList<JsonObject> objects, string kind) => objects.Single(o => o["kind"]!.GetValue<string>() == kind);

    [Fact]
    public void TheSharedGatewayServesTheDomainOverHttpsAndOnlyRedirectsHttp()
    {
        var objects = GatewayObjects(Prod());
        var listeners = Kind(objects, "Gateway")["spec"]!["listeners"]!.AsArray().ToDictionary(l => l!["name"]!.GetValue<string>());
        var redirect = Kind(objects, "HTTPRoute")["spec"]!;

        Assert.Equal("*.prod.example.com", listeners["https"]!["hostname"]!.GetValue<string>());
        Assert.Equal(EnvoyGateway.WildcardSecret, listeners["https"]!["tls"]!["certificateRefs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Same", listeners["http"]!["allowedRoutes"]!["namespaces"]!["from"]!.GetValue<string>());
        Assert.Equal("http", redirect["parentRefs"]![0]!["sectionName"]!.GetValue<string>());
        Assert.Equal("https", redirect["rules"]![0]!["filters"]![0]!["requestRedirect"]!["scheme"]!.GetValue<string>());
        Assert.Equal(["*.prod.example.com", "prod.example.com"], Kind(objects, "Certificate")["spec"]!["dnsNames"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void OnlyTenantNamespacesMayAttachRoutesToTheHttpsListener()
    {
        var https = Kind(GatewayObjects(Prod()), "Gateway")["spec"]!["listeners"]!.AsArray().Single(l => l!["name"]!.GetValue<string>() == "https")!;
        var selector = https["allowedRoutes"]!["namespaces"]!;

        Assert.Equal("Selector", selector["from"]!.GetValue<string>());
        Assert.Equal(TenancyManifests.TenantLabel, selector["selector"]!["matchExpressions"]![0]!["key"]!.GetValue<string>());
    }

    [Fact]
    public void ProdProxiesAreSpreadOverZonesAndGuardedStagingRunsOne()
    {
        var prod = Kind(GatewayObjects(Prod()), "EnvoyProxy")["spec"]!["provider"]!["kubernetes"]!;
        var staging = Kind(GatewayObjects(Planner.PlanStackFile(Repo.Root, "staging").Plan!), "EnvoyProxy")["spec"]!["provider"]!["kubernetes"]!;

        Assert.Equal(3, prod["envoyDeployment"]!["replicas"]!.GetValue<int>());
        Assert.NotNull(prod["envoyDeployment"]!["pod"]!["topologySpreadConstraints"]);
        Assert.Equal(2, prod["envoyPDB"]!["minAvailable"]!.GetValue<int>());
        Assert.Equal(1, staging["envoyDeployment"]!["replicas"]!.GetValue<int>());
        Assert.Null(staging["envoyPDB"]);
    }

    [Fact]
    public void TheLoadBalancerIsAnNlbOnEksTheCloudsOwnOnGkeAndANodePortOnAnExistingCluster()
    {
        JsonNode Service(PlatformPlan plan) => Kind(GatewayObjects(plan), "EnvoyProxy")["spec"]!["provider"]!["kubernetes"]!["envoyService"]!;

        Assert.Equal("external", Service(AwsProd())["annotations"]!["service.beta.kubernetes.io/aws-load-balancer-type"]!.GetValue<string>());
        Assert.Equal("LoadBalancer", Service(Prod())["type"]!.GetValue<string>());
        Assert.Null(Service(Prod())["annotations"]);
        Assert.Equal("NodePort", Service(Planner.PlanStackFile(Repo.Examples, "local").Plan!)["type"]!.GetValue<string>());
    }

    [Fact]
    public void WithoutADomainThereIsNoSharedGateway()
    {
        var kinds = GatewayObjects(Local()).Select(o => o["kind"]!.GetValue<string>());

        Assert.Equal(["EnvoyProxy", "GatewayClass"], kinds);
    }

    [Fact]
    public void EnvoyGatewayValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        "certgen.job.resources.limits.memory, certgen.job.resources.requests.cpu, certgen.job.resources.requests.memory, crds.enabled, deployment.envoyGateway.resources.limits.memory, deployment.envoyGateway.resources.requests.cpu, deployment.envoyGateway.resources.requests.memory, deployment.pod.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution, deployment.pod.tolerations, deployment.pod.topologySpreadConstraints, deployment.priorityClassName, deployment.replicas, podDisruptionBudget.minAvailable, topologyInjector.enabled".Split(", "),
        ValuePaths.Of(Addon(Prod(), "envoyGateway").Release!.Values));

    [Fact]
    public void OnEksTheLoadBalancerControllerFindsTheVpcByTagAndTouchesOnlyThisClustersBalancers()
    {
        var plan = AwsProd();
        var controller = Addon(plan, "awsLoadBalancerController");
        var values = controller.Release!.Values;

        Assert.Equal("helm", controller.Mode);
        Assert.Equal(plan.Network!.Name, values["vpcTags"]!["Name"]!.GetValue<string>());
        Assert.False(values["createIngressClassResource"]!.GetValue<bool>());
        using var policy = System.Text.Json.JsonDocument.Parse(controller.Identity!.Aws!.PolicyDocument);
        var owned = policy.RootElement.GetProperty("Statement").EnumerateArray().Single(s => s.GetProperty("Sid").GetString() == "ChangeOwned");
        Assert.Equal("aws-prod", owned.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:ResourceTag/elbv2.k8s.aws/cluster").GetString());
        Assert.DoesNotContain(policy.RootElement.GetProperty("Statement").EnumerateArray(), s => s.GetProperty("Action").ToString().Contains("waf", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void TheGatewayWaitsForTheLoadBalancerControllerOnlyWhereThereIsOne()
    {
        Assert.Contains("aws-load-balancer-controller", Addon(AwsProd(), "envoyGateway").Release!.DependsOn);
        Assert.Equal(["cert-manager"], Addon(Prod(), "envoyGateway").Release!.DependsOn);
        Assert.Equal("disabled", Addon(Prod(), "awsLoadBalancerController").Mode);
    }

    [Theory]
    [InlineData("envoyGateway")]
    [InlineData("kyverno")]
    [InlineData("awsLoadBalancerController")]
    public void CriticalAddonsTolerateTheSystemPoolAndPreferIt(string addon)
    {
        var json = Addon(AwsProd(), addon).Release!.Values.ToJsonString();

        Assert.Contains("\"key\":\"CriticalAddonsOnly\"", json, StringComparison.Ordinal);
        Assert.Contains("preferredDuringSchedulingIgnoredDuringExecution", json, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadBalancerControllerValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        "affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution, clusterName, createIngressClassResource, podDisruptionBudget.maxUnavailable, priorityClassName, region, replicaCount, resources.limits.memory, resources.requests.cpu, resources.requests.memory, serviceAccount.create, serviceAccount.name, tolerations, topologySpreadConstraints, vpcTags.Name".Split(", "),
        ValuePaths.Of(Addon(AwsProd(), "awsLoadBalancerController").Release!.Values));

    [Fact]
    public void PlanJsonShowsEachAddonsCloudIdentityAndPolicy()
    {
        using var plan = System.Text.Json.JsonDocument.Parse(Rendering.PlanJson.Write(AwsProd()));
        var externalDns = plan.RootElement.GetProperty("addons").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "externalDns");

        Assert.Contains("hostedzone/Z0123456789ABCDEFGHIJ", externalDns.GetProperty("identity").GetProperty("aws").GetProperty("policyDocument").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ProdRendersTheseObjectsForTheProgramToApply()
    {
        var kinds = Prod().Manifests.SelectMany(b => b.Objects)
            .GroupBy(o => o["kind"]!.GetValue<string>())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count()}");

        Assert.Equal(
            ["AppProject 4", "Application 1", "Certificate 2", "ClusterIssuer 4", "ClusterPolicy 4", "ConfigMap 4", "EnvoyProxy 1", "Gateway 1", "GatewayClass 1", "HTTPRoute 3", "Kafka 1", "KafkaNodePool 1", "KafkaTopic 1", "LimitRange 3", "Namespace 11", "NetworkPolicy 18", "PodMonitor 2", "PriorityClass 5", "PrometheusRule 3", "ResourceQuota 3", "Role 3", "RoleBinding 3", "Secret 1", "ServiceMonitor 1"],
            kinds);
    }
}
