namespace Platform.Stacks.Tests;

/// <summary>One test per validation rule, each asserting the exact message a user sees.</summary>
public class ValidationRuleTests
{
    [Fact]
    public void MaxNodesBelowMinNodesIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  general: { minNodes: 1, maxNodes: 0 }"),
        "platform:nodePools.general.maxNodes: 0 is below minNodes (1)");

    [Fact]
    public void MaxNodesBelowTheProfileMinimumIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  general: { maxNodes: 0 }"),
        "platform:nodePools.general.maxNodes: 0 is below minNodes (1, the staging default); lower minNodes too");

    [Fact]
    public void ZoneOutsideTheRegionIsRejected() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, "platform:cluster:\n  region: europe-west1\n  zones: [europe-west1-b, us-central1-a]"),
        "platform:cluster.zones[1]: 'us-central1-a' is not a zone of region 'europe-west1'; use zones such as europe-west1-a, europe-west1-b, europe-west1-c");

    [Fact]
    public void DuplicateZoneIsRejected() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, "platform:cluster:\n  region: europe-west1\n  zones: [europe-west1-b, europe-west1-b]"),
        "platform:cluster.zones[1]: 'europe-west1-b' is listed twice; each zone once");

    [Fact]
    public void ProdWithFewerThanThreeZonesIsRejected() => Stacks.Rejects(
        Stacks.Config("gcp:project: acme-platform-prod", Stacks.Gcp, "platform:cluster:\n  region: europe-west1\n  zones: [europe-west1-b, europe-west1-c]\n  authorizedNetworks: [203.0.113.0/24]"),
        "platform:cluster.zones: prod needs at least 3 zones, got 2 (europe-west1-b, europe-west1-c); add zones of the region",
        "prod");

    [Fact]
    public void ProdSpotSystemPoolIsRejected() => Stacks.Rejects(
        Stacks.Config("gcp:project: acme-platform-prod", Stacks.Gcp, Stacks.Cluster, "platform:nodePools:\n  system: { spot: true }"),
        "platform:nodePools.system.spot: true is not allowed in prod: a spot-only system pool can lose every critical add-on at once; use false",
        "prod");

    [Fact]
    public void ProdPublicEndpointWithoutAuthorizedNetworksIsRejected() => Stacks.Rejects(
        Stacks.Config("gcp:project: acme-platform-prod", Stacks.Gcp, "platform:cluster:\n  region: europe-west1\n  zones: [europe-west1-b, europe-west1-c, europe-west1-d]"),
        "platform:cluster.authorizedNetworks: a public endpoint needs at least one CIDR that may reach the API server; list your networks, set privateEndpoint: true",
        "prod");

    [Fact]
    public void OverlappingExplicitRangesAreRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:network:\n  cidr: 10.10.0.0/16\n  podsCidr: 10.10.0.0/17\n  servicesCidr: 10.10.64.0/20"),
        "platform:network.servicesCidr: '10.10.64.0/20' overlaps the pods range 10.10.0.0/17; ranges must not share addresses");

    [Fact]
    public void VpcTooSmallForThePlannedRangesIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:network:\n  cidr: 10.10.0.0/20"),
        "platform:network.cidr: '10.10.0.0/20' is too small: it holds 4096 addresses but the planned ranges (pods /18, services /20, nodes /24) need 20736, sized for 33 nodes at most × 256 addresses each (110 pods per node); use a /17 or larger, or lower maxNodes");

    [Fact]
    public void PodRangeTooSmallForMaxNodesTimesPodsPerNodeIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:network:\n  podsCidr: 10.10.0.0/20"),
        "platform:network.podsCidr: '10.10.0.0/20' holds 4096 addresses but 33 nodes at most × 256 addresses each (110 pods per node) need 8448; use a /18 or larger");

    [Fact]
    public void CidrWithHostBitsSuggestsTheAlignedRange() => Stacks.Rejects(
        Stacks.GcpStaging("platform:network:\n  cidr: 10.10.1.0/16"),
        "platform:network.cidr: '10.10.1.0/16' has host bits set; did you mean 10.10.0.0/16?");

    [Fact]
    public void PublicVpcRangeIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:network:\n  cidr: 8.8.0.0/16"),
        "platform:network.cidr: '8.8.0.0/16' is not a private range; use a range inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10");

    [Fact]
    public void TenantQuotaAboveWhatItsPoolsHoldIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  payments:\n    quota: { cpu: \"500\", memory: 64Gi, pods: 100 }"),
        "platform:tenants.payments.quota.cpu: 500 is more than its pools (general) hold at max size (45.72 CPU); short by 454.28 CPU; lower the quota or raise the pools' maxNodes");

    [Fact]
    public void PoolsThatCannotHoldAllQuotasAndAddonsReportTheShortfall() => Stacks.Rejects(
        Stacks.GcpStaging(
            "platform:nodePools:\n  compute: { enabled: false }\n  stateful: { enabled: false }",
            "platform:tenants:\n  a: { quota: { cpu: \"32.5\", memory: 40Gi } }\n  b: { quota: { cpu: \"32.5\", memory: 40Gi } }"),
        "platform:nodePools: at their largest the pools hold 68.58 CPU, 235.5 GiB memory, 1944 pods but tenant quotas (65 CPU, 80 GiB memory, 200 pods) and add-ons (4.17 CPU, 13.63 GiB memory, 32 pods) ask for 69.17 CPU, 93.63 GiB memory, 232 pods; short by 0.59 CPU; raise maxNodes or use larger machine types");

    [Fact]
    public void ServiceReplicasAboveTheTenantQuotaAreRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  payments:\n    quota: { cpu: \"4\", memory: 8Gi, pods: 50 }\n    services:\n      api: { peakQps: 1000, qpsPerPod: 100, redundancy: 1.5, requests: { cpu: 500m, memory: 512Mi } }"),
        "platform:tenants.payments.services: replicas at peak (api 15) request 7.5 CPU, 7.5 GiB memory, 15 pods, above the tenant quota (4 CPU, 8 GiB memory, 50 pods) by 3.5 CPU; raise the quota or lower the services' requests");

    [Fact]
    public void UnknownKeyGetsADidYouMean() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  general: { maxNode: 3 }"),
        "platform:nodePools.general.maxNode: is not a known key; did you mean 'maxNodes'? allowed keys: diskSizeGb, diskType, enabled, generation, labels, machineType, maxNodes, minNodes, spot, taints");

    [Fact]
    public void UnknownTopLevelKeyGetsADidYouMean() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodepools: {}"),
        "platform:nodepools: is not a known key; did you mean 'platform:nodePools'? allowed keys: platform:addons, platform:alerting, platform:argocdSecrets, platform:cloud, platform:cluster, platform:dns, platform:environment, platform:expiresAt, platform:gitops, platform:grafanaSecrets, platform:network, platform:nodePools, platform:owner, platform:receiverSecrets, platform:slos, platform:sso, platform:tenants");

    [Fact]
    public void UnknownPoolRoleGetsADidYouMean() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  genral: { maxNodes: 3 }"),
        "platform:nodePools.genral: is not a node pool role; did you mean 'general'? pools are system, general, compute or stateful");

    [Fact]
    public void UnknownEnvironmentNamesTheAllowedValues() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, Stacks.Cluster, "platform:environment: production"),
        "platform:environment: 'production' is not allowed; use dev, staging or prod",
        "qa");

    [Fact]
    public void EnvironmentContradictingTheStackNameIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:environment: prod"),
        "platform:environment: 'prod' contradicts the stack name 'staging', which implies staging; use staging or rename the stack");

    [Fact]
    public void StackWithoutAnImpliedEnvironmentNeedsOne() => Stacks.Rejects(
        Stacks.GcpStaging(),
        "platform:environment: is required for stack 'qa' (only prod, staging, dev-* and pr-* stacks imply it); use dev, staging or prod",
        "qa");

    [Fact]
    public void DevStackWithoutExpiryIsRejected() => Stacks.Rejects(
        Stacks.Config("platform:cluster: { context: kind-dev }"),
        "platform:expiresAt: is required for dev stacks so the janitor can destroy them; use a date such as 2026-12-31",
        "dev-alice");

    [Fact]
    public void ExpiryOnAStagingStackIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:expiresAt: 2027-01-01"),
        "platform:expiresAt: '2027-01-01' is only for dev stacks; staging stacks never expire, remove the key");

    [Fact]
    public void MalformedExpiryIsRejected() => Stacks.Rejects(
        Stacks.Config("platform:expiresAt: next friday", "platform:cluster: { context: kind-dev }"),
        "platform:expiresAt: 'next friday' is not a date; use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ (UTC)",
        "dev-alice");

    [Fact]
    public void GcpWithoutProjectIsRejected() => Stacks.Rejects(
        Stacks.Config(Stacks.Gcp, Stacks.Cluster),
        "gcp:project: is required when platform:cloud is gcp; set it with `pulumi config set gcp:project <project-id>`");

    [Fact]
    public void CloudWithoutRegionIsRejected() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, "platform:cluster: { zones: [europe-west1-b] }"),
        "platform:cluster.region: is required when platform:cloud is gcp; e.g. europe-west1");

    [Fact]
    public void CloudWithoutZonesIsRejected() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, "platform:cluster: { region: europe-west1 }"),
        "platform:cluster.zones: is required when platform:cloud is gcp; list zones of the region, e.g. [europe-west1-a, europe-west1-b, europe-west1-c]");

    [Fact]
    public void ExistingClusterWithoutContextIsRejected() => Stacks.Rejects(
        Stacks.Config("platform:cloud: existing"),
        "platform:cluster.context: is required when platform:cloud is existing; name a context from your kubeconfig, e.g. kind-platform");

    [Fact]
    public void CloudOnlyKeyOnAnExistingClusterIsRejected() => Stacks.Rejects(
        Stacks.Config("platform:cluster: { context: kind-platform, region: europe-west1 }"),
        "platform:cluster.region: is only used when platform:cloud is gcp or aws; this stack uses existing, so remove it");

    [Fact]
    public void ReleaseChannelOnAwsIsRejected() => Stacks.Rejects(
        Stacks.Config("platform:cloud: aws", "platform:cluster:\n  region: eu-west-1\n  zones: [eu-west-1a]\n  releaseChannel: STABLE"),
        "platform:cluster.releaseChannel: is only used when platform:cloud is gcp; this stack uses aws, so remove it");

    [Fact]
    public void NodePoolsOnAnExistingClusterAreRejected() => Stacks.Rejects(
        Stacks.Config("platform:cluster: { context: kind-platform }", "platform:nodePools: { general: { maxNodes: 3 } }"),
        "platform:nodePools: is only used when platform:cloud is gcp or aws; an existing cluster brings its own nodes, so remove it");

    [Fact]
    public void ProviderRegionContradictingTheClusterRegionIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("gcp:region: us-central1"),
        "gcp:region: 'us-central1' contradicts platform:cluster.region 'europe-west1'; set both to the same region or remove gcp:region");

    [Fact]
    public void UnknownMachineTypeGetsADidYouMean()
    {
        var errors = Stacks.Errors(Stacks.GcpStaging("platform:nodePools:\n  general: { machineType: e2-standard-5 }"));
        Assert.Contains(errors, e => e.StartsWith("platform:nodePools.general.machineType: 'e2-standard-5' is not a known gcp machine type; did you mean 'e2-standard-2'? known types: ", StringComparison.Ordinal));
    }

    [Fact]
    public void DisabledSystemPoolIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  system: { enabled: false }"),
        "platform:nodePools.system.enabled: false is not allowed: the system pool runs the critical add-ons; keep it enabled");

    [Fact]
    public void MalformedTaintIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  general: { taints: [dedicated=db] }"),
        "platform:nodePools.general.taints[0]: 'dedicated=db' is not a taint; use key=value:Effect with Effect NoSchedule, PreferNoSchedule or NoExecute");

    [Fact]
    public void InvalidLabelKeyIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  general:\n    labels: { \"-bad\": x }"),
        "platform:nodePools.general.labels.-bad: is not a valid label key: it must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit (with an optional DNS prefix and '/')");

    [Fact]
    public void TenantOnAReservedNamespaceIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  kube-system: {}"),
        "platform:tenants.kube-system: 'kube-system' is a reserved namespace; choose another tenant name");

    [Fact]
    public void TenantNameThatIsNotADnsLabelIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  Payments_Team: {}"),
        "platform:tenants.Payments_Team: is not a valid tenant name: it must be lowercase letters, digits and '-', start with a letter and end with a letter or digit (it becomes the namespace)");

    [Fact]
    public void TenantOnTheSystemPoolIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  payments: { pools: [system] }"),
        "platform:tenants.payments.pools[0]: 'system' is reserved for critical add-ons; use general, compute or stateful");

    [Fact]
    public void TenantOnADisabledPoolIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  compute: { enabled: false }", "platform:tenants:\n  payments: { pools: [compute] }"),
        "platform:tenants.payments.pools[0]: 'compute' is not an enabled node pool; enabled: general, stateful");

    [Fact]
    public void SloForAnUnknownTenantIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  payments: {}", "platform:slos:\n  api: { tenant: paymnets, objective: 99.9 }"),
        "platform:slos.api.tenant: 'paymnets' is not a tenant; did you mean 'payments'? tenants: payments");

    [Fact]
    public void SloForAnUndeclaredServiceIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  payments: {}", "platform:slos:\n  api: { tenant: payments, service: api, objective: 99.9 }"),
        "platform:slos.api.service: 'api' is not a service of tenant 'payments'; services: none declared");

    [Fact]
    public void SloObjectiveOutOfRangeIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  payments: {}", "platform:slos:\n  api: { tenant: payments, objective: 100 }"),
        "platform:slos.api.objective: 100 is out of range; use a number at least 90 and at most 99.999");

    [Fact]
    public void SloWindowOutsideTheAllowedSetIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:tenants:\n  payments: {}", "platform:slos:\n  api: { tenant: payments, objective: 99.9, window: 90d }"),
        "platform:slos.api.window: '90d' is not allowed; use 7d, 14d, 28d or 30d");

    [Fact]
    public void AddonWhoseDependencyIsDisabledIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:addons:\n  prometheus: false"),
        "platform:addons.loki.enabled: true needs prometheus, which is disabled; enable platform:addons.prometheus or disable loki");

    [Fact]
    public void GitOpsWithoutRepoUrlIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:gitops: { path: overlays/staging }"),
        "platform:gitops.repoUrl: is required when platform:gitops is set; use an https or ssh Git URL, e.g. https://github.com/acme/platform-gitops");

    [Fact]
    public void GitOpsPathEscapingTheRepositoryIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:gitops: { repoUrl: https://github.com/acme/gitops, path: ../secrets }"),
        "platform:gitops.path: '../secrets' must be a relative folder inside the repository, e.g. overlays/prod");

    [Fact]
    public void MalformedDnsDomainIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:dns: { domain: Example_COM }"),
        "platform:dns.domain: 'Example_COM' is not a DNS name; use lowercase labels separated by dots, e.g. prod.example.com");

    [Fact]
    public void AwsServiceRangeInsideTheVpcIsRejected() => Stacks.Rejects(
        Stacks.Config("platform:cloud: aws", "platform:cluster:\n  region: eu-west-1\n  zones: [eu-west-1a, eu-west-1b, eu-west-1c]", "platform:network: { cidr: 10.40.0.0/16, servicesCidr: 10.40.0.0/20 }"),
        "platform:network.servicesCidr: '10.40.0.0/20' overlaps the VPC 10.40.0.0/16; EKS needs a service range outside the VPC");

    [Fact]
    public void DuplicatedPoolNameInTheStackFileIsRejected() => Stacks.Rejects(
        Stacks.GcpStaging("platform:nodePools:\n  general: { maxNodes: 3 }\n  general: { maxNodes: 5 }"),
        "platform:nodePools.general: is defined twice (lines 9 and 10); keep one");

    [Fact]
    public void AllErrorsAreReportedAtOnce()
    {
        var errors = Stacks.Errors(Stacks.GcpStaging(
            "platform:nodePools:\n  general: { minNodes: 4, maxNodes: 2 }\n  compute: { spot: maybe }",
            "platform:dns: { domain: \"\" }"));

        Assert.Contains("platform:nodePools.general.maxNodes: 2 is below minNodes (4)", errors);
        Assert.Contains("platform:nodePools.compute.spot: 'maybe' is not a boolean; use true or false", errors);
        Assert.Contains("platform:dns.domain: '' (empty) must be a DNS name of 1 to 253 characters", errors);
    }

    [Fact]
    public void AdminThatIsNotAnIamArnIsRejected() => Stacks.Rejects(
        Stacks.Config("platform:cloud: aws", "platform:cluster:\n  region: eu-west-1\n  zones: [eu-west-1a]\n  admins: [alice]"),
        "platform:cluster.admins[0]: 'alice' is not an IAM role or user ARN; use arn:aws:iam::<12-digit account>:role/<name> or :user/<name>");

    [Fact]
    public void EksVersionWithoutPinnedAddonsIsRejected() => Stacks.Rejects(
        Stacks.Config("platform:cloud: aws", "platform:cluster:\n  region: eu-west-1\n  zones: [eu-west-1a]\n  kubernetesVersion: \"1.29\""),
        "platform:cluster.kubernetesVersion: '1.29' has no pinned EKS add-on set; use 1.34");

    [Fact]
    public void EmptyZoneListIsRejected() => Stacks.Rejects(
        Stacks.Config(Stacks.Project, Stacks.Gcp, "platform:cluster:\n  region: europe-west1\n  zones: []"),
        "platform:cluster.zones: staging needs at least 1 zone, got none; add zones of the region");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static PlanResult PlanDevAt(string expiresAt, DateTimeOffset now)
    {
        var diagnostics = new Platform.Stacks.Diagnostics.DiagnosticBag();
        var raw = Platform.Stacks.Config.StackFileReader.Parse(Stacks.Config($"platform:expiresAt: {expiresAt}", "platform:cluster: { context: kind-dev }"), "dev-alice", diagnostics);
        return Planner.Plan(raw, diagnostics, new FixedClock(now));
    }

    [Fact]
    public void ADevExpiryInThePastIsRejected()
    {
        var result = PlanDevAt("2026-11-01", new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            ["platform:expiresAt: '2026-11-01' is in the past, so the janitor would destroy the stack at once; use a later date"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ADevExpiryMoreThanThirtyDaysAwayIsWarnedButPlanned()
    {
        var result = PlanDevAt("2027-01-31", new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

        Assert.True(result.Succeeded);
        Assert.Equal(
            ["platform:expiresAt: '2027-01-31' is more than 30 days away; dev stacks are meant to be short-lived, so consider an earlier date"],
            result.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void ADevExpiryWithinThirtyDaysIsQuiet()
    {
        var result = PlanDevAt("2026-12-15", new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void GcpProjectOnAnAwsStackIsRejected() => Stacks.Rejects(
        Stacks.Config("gcp:project: acme-platform-staging", "platform:cloud: aws", Stacks.AwsCluster),
        "gcp:project: is only used when platform:cloud is gcp; this stack uses aws, so remove it");

    [Fact]
    public void AnExistingKmsKeyInTheClustersRegionReplacesTheEksKey()
    {
        const string Key = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        var plan = Stacks.Valid(Stacks.Config("platform:cloud: aws", Stacks.AwsCluster + $"\n  secretsEncryptionKey: {Key}"));

        Assert.Equal(Key, plan.Cluster.Eks!.SecretsKey.ExistingKeyArn);
    }

    [Fact]
    public void ASecretTheRenderDoesNotNeedDoesNotStopIt()
    {
        var plan = Stacks.Valid(Stacks.Config("aws:secretKey:\n  secure: AAABAHNlY3JldA==", "platform:cloud: aws", Stacks.AwsCluster));

        Assert.Equal(Model.CloudKind.Aws, plan.Spec.Cloud);
    }
}
