using System.Text.Json.Nodes;
using Platform.Stacks.Manifests;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// Kafka, through the Strimzi operator, as the queue Tempo 3's distributed mode needs between its distributors and
/// its block-builders, live-stores and metrics generator. It runs only where Tempo runs distributed (see
/// <see cref="Tempo.Distributed"/>): one cluster, <see cref="ClusterName"/>, of three nodes that are both KRaft
/// controllers and brokers, one to a zone, keeping three copies of every partition and refusing a write that fewer
/// than two hold. The operator watches only its own namespace and has no admission webhooks. Tempo's topic is a
/// KafkaTopic the operator keeps, not one Tempo creates.
/// </summary>
public sealed class Kafka : AddonDefinition
{
    /// <summary>The Kafka cluster's name.</summary>
    public const string ClusterName = "platform";

    /// <summary>Kafka nodes, and copies of every partition.</summary>
    public const int Nodes = 3;

    /// <summary>The Kafka version, Strimzi 1.2's default.</summary>
    public const string Version = "4.3.1";

    /// <summary>The topic Tempo's distributors write spans to.</summary>
    public const string TempoTopic = "tempo-ingest";

    /// <summary>
    /// Partitions of Tempo's topic. Tempo runs exactly this many block-builders and live-stores, each reading one.
    /// </summary>
    public const int TempoPartitions = 3;

    /// <summary>How long spans stay in the topic: long enough for a block-builder or live-store to replay after a restart.</summary>
    public const long TempoRetentionMs = 24L * 60 * 60 * 1000;

    /// <summary>Each node's volume, in GiB.</summary>
    public const int VolumeGiB = 50;

    /// <summary>
    /// The most each partition keeps, in bytes, whatever its age: every node holds a copy of every partition, so a
    /// busy day fills at most three quarters of the volume instead of stopping the trace path.
    /// </summary>
    public const long TempoRetentionBytes = (long)VolumeGiB * 1024 * 1024 * 1024 * 3 / 4 / TempoPartitions;

    /// <inheritdoc />
    public override string Name => "kafka";

    /// <inheritdoc />
    public override string Release => "strimzi";

    /// <inheritdoc />
    public override string Namespace => "kafka";

    /// <inheritdoc />
    public override ChartRef Chart { get; } = new("strimzi-kafka-operator", "https://strimzi.io/charts/", "1.2.0");

    /// <summary>The clients' address: the cluster's bootstrap Service and its plain listener.</summary>
    public string Bootstrap => $"{ClusterName}-kafka-bootstrap.{Namespace}.svc:9092";

    /// <inheritdoc />
    public override IReadOnlyList<EnvironmentProfile> DefaultIn => SharedOnly;

    /// <summary>Delivered only where something reads from it: Tempo in distributed mode.</summary>
    public override string Delivery(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Tempo.Distributed(context.Spec) ? "helm" : "disabled";
    }

    /// <inheritdoc />
    public override JsonObject Values(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new JsonObject
        {
            ["replicas"] = 1,
            ["priorityClassName"] = PriorityClasses.Platform,
            ["resources"] = ValueParts.Resources("200m", "384Mi", "384Mi"),
        };
    }

    /// <inheritdoc />
    public override IReadOnlyList<JsonObject> Objects(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var labels = Kube.ManagedLabels(("strimzi.io/cluster", ClusterName));

        var pool = Kube.Object("kafka.strimzi.io/v1", "KafkaNodePool", "nodes", Namespace, labels.DeepClone().AsObject());
        pool["spec"] = new JsonObject
        {
            ["replicas"] = Nodes,
            ["roles"] = Kube.Strings("controller", "broker"),
            ["storage"] = new JsonObject
            {
                ["type"] = "jbod",
                ["volumes"] = new JsonArray(new JsonObject
                {
                    ["id"] = 0,
                    ["type"] = "persistent-claim",
                    ["size"] = $"{VolumeGiB}Gi",
                    // Deleting the cluster object alone keeps the volumes; they go with the namespace.
                    ["deleteClaim"] = false,
                    ["kraftMetadata"] = "shared",
                }),
            },
            ["resources"] = ValueParts.Resources("500m", "2Gi", "2Gi"),
            ["template"] = new JsonObject
            {
                ["pod"] = new JsonObject
                {
                    ["priorityClassName"] = PriorityClasses.Platform,
                    // One node to a zone, so a zone's loss leaves two copies of every partition.
                    ["topologySpreadConstraints"] = new JsonArray(new JsonObject
                    {
                        ["maxSkew"] = 1,
                        ["topologyKey"] = "topology.kubernetes.io/zone",
                        ["whenUnsatisfiable"] = "DoNotSchedule",
                        ["labelSelector"] = new JsonObject
                        {
                            ["matchLabels"] = new JsonObject { ["strimzi.io/cluster"] = ClusterName, ["strimzi.io/pool-name"] = "nodes" },
                        },
                    }),
                },
            },
        };

        var cluster = Kube.Object("kafka.strimzi.io/v1", "Kafka", ClusterName, Namespace, Kube.ManagedLabels());
        cluster["metadata"]!["annotations"] = WaitUntilReady();
        cluster["spec"] = new JsonObject
        {
            ["kafka"] = new JsonObject
            {
                ["version"] = Version,
                ["listeners"] = new JsonArray(new JsonObject { ["name"] = "plain", ["port"] = 9092, ["type"] = "internal", ["tls"] = false }),
                ["config"] = new JsonObject
                {
                    ["default.replication.factor"] = Nodes,
                    ["min.insync.replicas"] = Nodes - 1,
                    ["offsets.topic.replication.factor"] = Nodes,
                    ["transaction.state.log.replication.factor"] = Nodes,
                    ["transaction.state.log.min.isr"] = Nodes - 1,
                    // Topics are KafkaTopic objects, so a misspelt name fails rather than makes a topic.
                    ["auto.create.topics.enable"] = false,
                },
                // Replicas of a partition go to brokers in different zones.
                ["rack"] = new JsonObject { ["type"] = "topology-label", ["topologyKey"] = "topology.kubernetes.io/zone" },
            },
            ["entityOperator"] = new JsonObject
            {
                ["topicOperator"] = new JsonObject { ["resources"] = ValueParts.Resources("100m", "256Mi", "512Mi") },
                // Without a finalizer on the topic: when the cluster goes (a destroy, or Tempo leaving HA mode), the
                // topic operator goes with it, and a finalizer nobody removes would hold the namespace forever.
                ["template"] = new JsonObject
                {
                    ["topicOperatorContainer"] = new JsonObject
                    {
                        ["env"] = new JsonArray(new JsonObject { ["name"] = "STRIMZI_USE_FINALIZERS", ["value"] = "false" }),
                    },
                },
            },
        };

        var topic = Kube.Object("kafka.strimzi.io/v1", "KafkaTopic", TempoTopic, Namespace, labels.DeepClone().AsObject());
        topic["metadata"]!["annotations"] = WaitUntilReady();
        topic["spec"] = new JsonObject
        {
            ["partitions"] = TempoPartitions,
            ["replicas"] = Nodes,
            ["config"] = new JsonObject { ["retention.ms"] = TempoRetentionMs, ["retention.bytes"] = TempoRetentionBytes },
        };

        return [pool, cluster, topic];
    }

    /// <summary>
    /// Pulumi's wait for the operator to report the object Ready, so that Tempo, which waits for these objects, starts
    /// against a running cluster and an existing topic. Three nodes with volumes take minutes.
    /// </summary>
    private static JsonObject WaitUntilReady() => new()
    {
        ["pulumi.com/waitFor"] = "condition=Ready",
        ["pulumi.com/timeoutSeconds"] = "1200",
    };

    /// <inheritdoc />
    public override IReadOnlyList<Workload> Workloads(AddonContext context) =>
    [
        Workload.Pods("operator", 1, 0.2m, 384),
        Workload.Pods("nodes", Nodes, 0.5m, 2048),
        Workload.Pods("entity-operator", 1, 0.1m, 256),
    ];
}
