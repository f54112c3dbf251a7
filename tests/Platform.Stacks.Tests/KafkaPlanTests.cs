using System.Text.Json.Nodes;
using Platform.Stacks.Addons;

namespace Platform.Stacks.Tests;

/// <summary>Kafka under Strimzi: only where Tempo runs distributed, three nodes over three zones, and Tempo's topic.</summary>
public class KafkaPlanTests
{
    private static PlatformPlan Prod() => Planner.PlanStackFile(Repo.Root, "prod").Plan!;

    private static AddonPlan Addon(PlatformPlan plan, string name) => plan.Addons.Single(a => a.Name == name);

    private static JsonObject Object(PlatformPlan plan, string kind) => Addon(plan, "kafka").Objects.Single(o => (string)o["kind"]! == kind);

    [Fact]
    public void ValuesUseExactlyTheKeyPathsCheckedAgainstThePinnedChart() => Assert.Equal(
        // Checked against strimzi-kafka-operator 1.2.0's values.yaml.
        "priorityClassName, replicas, resources.limits.memory, resources.requests.cpu, resources.requests.memory".Split(", "),
        ValuePaths.Of(Addon(Prod(), "kafka").Release!.Values));

    [Fact]
    public void ItIsDeliveredOnlyWhereTempoRunsDistributed()
    {
        Assert.Equal("helm", Addon(Prod(), "kafka").Mode);
        Assert.Equal("disabled", Addon(Planner.PlanStackFile(Repo.Root, "staging").Plan!, "kafka").Mode);
        Assert.Equal("disabled", Addon(Stacks.Valid(Stacks.GcpStaging("platform:environment: prod", "platform:addons:\n  tempo: { ha: false }"), "prod"), "kafka").Mode);
        Assert.Equal("helm", Addon(Stacks.Valid(Stacks.GcpStaging("platform:addons:\n  tempo: { ha: true }")), "kafka").Mode);
    }

    [Fact]
    public void ThreeNodesOneToAZoneKeepThreeCopiesAndRefuseWritesTwoDoNotHold()
    {
        var pool = Object(Prod(), "KafkaNodePool")["spec"]!;
        var kafka = Object(Prod(), "Kafka")["spec"]!["kafka"]!;

        Assert.Equal(3, (int)pool["replicas"]!);
        Assert.Equal(["controller", "broker"], pool["roles"]!.AsArray().Select(r => (string)r!));
        var spread = pool["template"]!["pod"]!["topologySpreadConstraints"]![0]!;
        Assert.Equal(("topology.kubernetes.io/zone", "DoNotSchedule"), ((string)spread["topologyKey"]!, (string)spread["whenUnsatisfiable"]!));
        Assert.Equal("topology.kubernetes.io/zone", (string)kafka["rack"]!["topologyKey"]!);
        Assert.Equal(3, (int)kafka["config"]!["default.replication.factor"]!);
        Assert.Equal(2, (int)kafka["config"]!["min.insync.replicas"]!);
        Assert.False((bool)kafka["config"]!["auto.create.topics.enable"]!);
        Assert.False((bool)pool["storage"]!["volumes"]![0]!["deleteClaim"]!);
    }

    [Fact]
    public void TempoReadsTheTopicItsPartitionsAreSizedFor()
    {
        var topic = Object(Prod(), "KafkaTopic");
        var tempo = Addon(Prod(), "tempo").Release!.Values;

        Assert.Equal((string)tempo["ingest"]!["kafka"]!["topic"]!, (string)topic["metadata"]!["name"]!);
        Assert.Equal(Kafka.ClusterName, (string)topic["metadata"]!["labels"]!["strimzi.io/cluster"]!);
        Assert.Equal((int)tempo["blockBuilder"]!["replicas"]!, (int)topic["spec"]!["partitions"]!);
        Assert.Equal((int)tempo["liveStore"]!["replicas"]!, (int)topic["spec"]!["partitions"]!);
        Assert.Equal($"{Kafka.ClusterName}-kafka-bootstrap.kafka.svc:9092", (string)tempo["ingest"]!["kafka"]!["address"]!);
    }

    [Fact]
    public void TheTopicCannotFillTheNodesVolumes()
    {
        var topic = Object(Prod(), "KafkaTopic")["spec"]!;
        var volume = (string)Object(Prod(), "KafkaNodePool")["spec"]!["storage"]!["volumes"]![0]!["size"]!;

        // Every node holds a copy of every partition, and each partition may run a whole segment (1GiB, Kafka's
        // default) past its cap before the oldest goes; that must still leave room for the cluster's own metadata.
        const long GiB = 1024L * 1024 * 1024;
        var worstPerNode = ((long)topic["config"]!["retention.bytes"]! + GiB) * (int)topic["partitions"]!;
        Assert.Equal("50Gi", volume);
        Assert.True(worstPerNode <= 50 * GiB - (5 * GiB), $"{worstPerNode} bytes of {volume}");
        Assert.Equal(86_400_000L, (long)topic["config"]!["retention.ms"]!);
    }

    [Fact]
    public void TheTopicHasNoFinalizerThatWouldOutliveTheTopicOperator()
    {
        var env = Object(Prod(), "Kafka")["spec"]!["entityOperator"]!["template"]!["topicOperatorContainer"]!["env"]![0]!;

        Assert.Equal(("STRIMZI_USE_FINALIZERS", "false"), ((string)env["name"]!, (string)env["value"]!));
    }

    [Fact]
    public void PulumiWaitsForTheClusterAndTheTopicToBeReady()
    {
        foreach (var kind in new[] { "Kafka", "KafkaTopic" })
        {
            var annotations = Object(Prod(), kind)["metadata"]!["annotations"]!;
            Assert.Equal("condition=Ready", (string)annotations["pulumi.com/waitFor"]!);
            Assert.True(int.Parse((string)annotations["pulumi.com/timeoutSeconds"]!, System.Globalization.CultureInfo.InvariantCulture) >= 600);
        }
    }

    [Fact]
    public void TheCapacityCheckCountsWhatTheOperatorTheNodesAndTheTopicOperatorAsk()
    {
        var kafka = Addon(Prod(), "kafka");

        ValueRequests.Match(kafka, new Dictionary<string, JsonNode>
        {
            ["operator"] = kafka.Release!.Values,
            ["nodes"] = Object(Prod(), "KafkaNodePool")["spec"]!,
            ["entity-operator"] = Object(Prod(), "Kafka")["spec"]!["entityOperator"]!["topicOperator"]!,
        });
    }
}
