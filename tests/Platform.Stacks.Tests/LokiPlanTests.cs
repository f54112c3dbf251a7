using System.Text.Json.Nodes;
using Platform.Stacks.Addons;
using Platform.Stacks.Storage;

namespace Platform.Stacks.Tests;

/// <summary>Loki and its bucket: the mode, size and storage per profile and cloud, its identity and its datasources.</summary>
public class LokiPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static PlatformPlan Staging() => Planner.PlanStackFile(Repo.Root, "staging").Plan!;

    private static PlatformPlan AwsProd() => Planner.PlanStackFile(Repo.Examples, "aws-prod").Plan!;

    private static PlatformPlan Local() => Planner.PlanStackFile(Repo.Examples, "local").Plan!;

    private static AddonPlan Loki(PlatformPlan plan) => plan.Addons.Single(a => a.Name == "loki");

    private static JsonObject Values(PlatformPlan plan) => Loki(plan).Release!.Values;

    [Fact]
    public void ValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        // Checked against loki 18.11.0's values.yaml and values.schema.json (the merged values validate);
        // loki.limits_config, compactor and querier take Loki's own settings.
        "backend.replicas, backend.resources.limits.memory, backend.resources.requests.cpu, backend.resources.requests.memory, chunksCache.enabled, deploymentMode, gateway.enabled, gateway.replicas, gateway.resources.limits.memory, gateway.resources.requests.cpu, gateway.resources.requests.memory, global.priorityClassName, loki.auth_enabled, loki.commonConfig.replication_factor, loki.compactor.delete_request_store, loki.compactor.retention_enabled, loki.limits_config.retention_period, loki.querier.multi_tenant_queries_enabled, loki.schemaConfig.configs, loki.storage.bucketNames.chunks, loki.storage.bucketNames.ruler, loki.storage.type, lokiCanary.enabled, monitoring.serviceMonitor.enabled, read.replicas, read.resources.limits.memory, read.resources.requests.cpu, read.resources.requests.memory, resultsCache.enabled, ruler.enabled, serviceAccount.annotations.iam.gke.io/gcp-service-account, serviceAccount.create, serviceAccount.name, singleBinary.persistence.enabled, singleBinary.persistence.size, singleBinary.replicas, singleBinary.resources.limits.memory, singleBinary.resources.requests.cpu, singleBinary.resources.requests.memory, test.enabled, write.replicas, write.resources.limits.memory, write.resources.requests.cpu, write.resources.requests.memory".Split(", "),
        ValuePaths.Of(Values(Prod())));

    [Theory]
    [InlineData("prod", "SimpleScalable", 3, 0, "gcs", "720h")]
    [InlineData("staging", "SimpleScalable", 1, 0, "gcs", "336h")]
    [InlineData("aws-prod", "SimpleScalable", 3, 0, "s3", "720h")]
    [InlineData("local", "Monolithic", 0, 1, "filesystem", "168h")]
    public void EachProfileAndCloudGetsItsModeScaleStoreAndRetention(string stack, string mode, int write, int single, string store, string retention)
    {
        var plan = stack switch { "prod" => Prod(), "staging" => Staging(), "aws-prod" => AwsProd(), _ => Local() };
        var values = Values(plan);

        Assert.Equal(mode, (string)values["deploymentMode"]!);
        Assert.Equal(write, (int)values["write"]!["replicas"]!);
        Assert.Equal(single, (int)values["singleBinary"]!["replicas"]!);
        Assert.Equal(Math.Max(write, single), (int)values["loki"]!["commonConfig"]!["replication_factor"]!);
        Assert.Equal(store, (string)values["loki"]!["storage"]!["type"]!);
        Assert.Equal(store, (string)values["loki"]!["schemaConfig"]!["configs"]![0]!["object_store"]!);
        Assert.Equal(store, (string)values["loki"]!["compactor"]!["delete_request_store"]!);
        Assert.Equal(retention, (string)values["loki"]!["limits_config"]!["retention_period"]!);
        Assert.True((bool)values["loki"]!["auth_enabled"]!);
    }

    [Fact]
    public void TheBucketIsNamedForTheStackKeptAWeekBeyondRetentionAndRetainedOnlyInProd()
    {
        var prod = Loki(Prod()).Bucket!;
        var staging = Loki(Staging()).Bucket!;

        Assert.Matches("^prod-loki-[0-9a-f]{8}$", prod.Name);
        Assert.Equal(prod.Name, ObjectStorage.Name(Prod().Spec, "loki"));
        Assert.NotEqual(prod.Name[^8..], ObjectStorage.Name(Staging().Spec, "loki")[^8..]);
        Assert.Equal((30, 37, true, "europe-west1"), (prod.RetentionDays, prod.ExpireAfterDays, prod.Retain, prod.Location));
        Assert.Equal((14, 21, false), (staging.RetentionDays, staging.ExpireAfterDays, staging.Retain));
        Assert.Null(Loki(Local()).Bucket);
        Assert.Equal(prod.Name, (string)Values(Prod())["loki"]!["storage"]!["bucketNames"]!["chunks"]!);
    }

    [Fact]
    public void OnGkeItsServiceAccountActsAsAGoogleAccountThatMayOnlyUseItsBucket()
    {
        var identity = Loki(Prod()).Identity!.Gcp!;

        Assert.Empty(identity.ProjectRoles);
        Assert.Equal(Loki(Prod()).Bucket!.Name, identity.Bucket);
        Assert.Equal(["roles/storage.objectAdmin", "roles/storage.legacyBucketReader"], identity.BucketRoles!);
        Assert.Equal(("observability", "loki"), (identity.Namespace, identity.ServiceAccount));
        Assert.Equal(identity.Email, (string)Values(Prod())["serviceAccount"]!["annotations"]!["iam.gke.io/gcp-service-account"]!);
    }

    [Fact]
    public void OnEksItsRoleMayOnlyListAndUseItsBucketAndNeedsNoKeys()
    {
        var plan = AwsProd();
        var role = Loki(plan).Identity!.Aws!;
        var bucket = Loki(plan).Bucket!.Name;

        var statements = JsonNode.Parse(role.PolicyDocument)!["Statement"]!.AsArray();
        Assert.Equal([$"arn:aws:s3:::{bucket}", $"arn:aws:s3:::{bucket}/*"], statements.Select(s => (string)s!["Resource"]!));
        Assert.Equal("eu-west-1", (string)Values(plan)["loki"]!["storage"]!["s3"]!["region"]!);
        Assert.DoesNotContain("accessKeyId", Values(plan).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnAnExistingClusterItIsOneBinaryOnAVolumeWithNoCloudIdentity()
    {
        var loki = Loki(Local());

        Assert.Null(loki.Identity);
        Assert.True((bool)Values(Local())["singleBinary"]!["persistence"]!["enabled"]!);
        Assert.Null(Values(Local())["loki"]!["storage"]!["bucketNames"]);
    }

    [Fact]
    public void GrafanaReadsEveryTenantInOneDatasourceAndEachTenantInItsOwn()
    {
        var datasources = global::Platform.Stacks.Addons.Grafana.DatasourcesOf(Prod().Spec).Where(d => (string)d["type"]! == "loki").ToList();

        Assert.Equal("platform|analytics|payments|search", (string)datasources[0]["secureJsonData"]!["httpHeaderValue1"]!);
        Assert.Equal("X-Scope-OrgID", (string)datasources[0]["jsonData"]!["httpHeaderName1"]!);
        Assert.Equal(["payments"], datasources.Where(d => (string)d["uid"]! == "loki-payments").Select(d => (string)d["secureJsonData"]!["httpHeaderValue1"]!));
        Assert.True((bool)Values(Prod())["loki"]!["querier"]!["multi_tenant_queries_enabled"]!);
    }

    [Fact]
    public void TheCapacityCheckCountsEveryTarget()
    {
        // Three each of write and read (0.2 CPU, 512 MiB), backend (0.1 CPU, 256 MiB), and two gateways.
        Assert.Equal(Model.Resources.Of(1.6m, 3.875m, 11), Loki(Prod()).Requests);
        Assert.Equal(Model.Resources.Of(0.25m, 0.5625m, 2), Loki(Local()).Requests);
    }

    [Fact]
    public void AlloyShipsEachTenantsLogsUnderItsOwnIdAndTheRestUnderThePlatforms()
    {
        var config = global::Platform.Stacks.Addons.Alloy.Config(Prod().Spec);

        Assert.Contains("selector = \"{namespace=~\\\"analytics|payments|search\\\"}\"", config, StringComparison.Ordinal);
        Assert.Contains("label = \"namespace\"", config, StringComparison.Ordinal);
        Assert.Contains("value = \"platform\"", config, StringComparison.Ordinal);
        Assert.Contains("url = \"http://loki-gateway.observability.svc/loki/api/v1/push\"", config, StringComparison.Ordinal);
        Assert.DoesNotContain("/var/log", config, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTenantsAlloySendsEverythingUnderThePlatformsId()
    {
        var config = global::Platform.Stacks.Addons.Alloy.Config(Stacks.Valid(Stacks.GcpStaging()).Spec);

        Assert.DoesNotContain("stage.match", config, StringComparison.Ordinal);
        Assert.Contains("value = \"platform\"", config, StringComparison.Ordinal);
    }

    [Fact]
    public void AlloyRunsOnEveryNodeWithoutHostAccessAndOnlyWhereABackendIs()
    {
        var alloy = Prod().Addons.Single(a => a.Name == "alloy");
        var values = alloy.Release!.Values;

        Assert.Equal("daemonset", (string)values["controller"]!["type"]!);
        Assert.Equal("Exists", (string)values["controller"]!["tolerations"]![0]!["operator"]!);
        Assert.All(alloy.Workloads, w => Assert.False(w.HostLevel));
        Assert.Equal("disabled", Stacks.Valid(Stacks.GcpStaging("platform:addons: { loki: false, tempo: false, mimir: false }")).Addons.Single(a => a.Name == "alloy").Mode);
        Assert.Equal("helm", Stacks.Valid(Stacks.GcpStaging("platform:addons: { loki: false, tempo: false }")).Addons.Single(a => a.Name == "alloy").Mode);
        Assert.Equal("helm", Stacks.Valid(Stacks.GcpStaging("platform:addons: { loki: false, mimir: false }")).Addons.Single(a => a.Name == "alloy").Mode);
    }
}
