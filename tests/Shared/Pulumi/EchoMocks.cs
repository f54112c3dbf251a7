using System.Collections.Concurrent;
using System.Collections.Immutable;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace Platform.Tests.Pulumi;

/// <summary>
/// The one engine mock the Pulumi tests share: every resource's outputs echo its inputs, plus the few
/// computed outputs a provider always returns (a name, a GKE endpoint, a service account e-mail). It keeps
/// every registration so tests can assert on what the program asked for.
/// </summary>
internal sealed class EchoMocks
{
    private readonly ConcurrentQueue<MockResourceArgs> _registered = new();

    public EchoMocks()
    {
        var mock = new Mock<IMocks>();
        mock.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) =>
            {
                _registered.Enqueue(args);
                return ($"{args.Name}-id", (object)WithComputedOutputs(args));
            });
        mock.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => (object)args.Args);
        mock.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>()))
            .Returns(Task.CompletedTask);
        Object = mock.Object;
    }

    public IMocks Object { get; }

    /// <summary>Every custom resource registered, in order.</summary>
    public IReadOnlyList<MockResourceArgs> Registered => [.. _registered];

    /// <summary>The registered cloud and provider resources, leaving out the platform's own components.</summary>
    public IReadOnlyList<MockResourceArgs> CustomResources =>
        Registered.Where(r => r.Type is { } type && !type.StartsWith("platform:", StringComparison.Ordinal)).ToList();

    /// <summary>The registered resources of one type token, e.g. <c>gcp:container/nodePool:NodePool</c>.</summary>
    public IReadOnlyList<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type).ToList();

    /// <summary>Every resource's options, as a stack transformation saw them, in registration order.</summary>
    public IReadOnlyList<RecordedOptions> Options { get; private set; } = [];

    /// <summary>The recorded options of the one resource of this type and name.</summary>
    public RecordedOptions OptionsOf(string type, string name) => Options.Single(o => o.Type == type && o.Name == name);

    /// <summary>Runs <paramref name="create"/> for a plan, as stack <c>plan.Spec.Stack</c>, and returns the mocks that saw it.</summary>
    public static async Task<EchoMocks> BuildAsync(Platform.Stacks.PlatformPlan plan, Action<Platform.Stacks.PlatformPlan> create)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(create);
        var mocks = new EchoMocks();
        await mocks.RunAsync(() =>
        {
            create(plan);
            return new Dictionary<string, object?>();
        }, plan.Spec.Stack);
        return mocks;
    }

    /// <summary>
    /// Runs a program body as stack <paramref name="stack"/> of project <c>platform</c>, recording every resource's
    /// options on the way.
    /// </summary>
    public async Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(
        Func<IDictionary<string, object?>> program, string stack = "prod")
    {
        IDictionary<string, object?> outputs = new Dictionary<string, object?>();
        RecordingStack.Reset(() => outputs = program());
        var resources = await Deployment.TestAsync<RecordingStack>(Object, new TestOptions { IsPreview = false, ProjectName = "platform", StackName = stack });
        Options = [.. RecordingStack.Options];
        return (resources, outputs);
    }

    /// <summary>
    /// Reads a nested input such as <c>privateClusterConfig.enablePrivateNodes</c>. Numbers arrive as doubles,
    /// as the engine serialises them.
    /// </summary>
    public static object? Input(MockResourceArgs resource, string path)
    {
        ArgumentNullException.ThrowIfNull(resource);
        object? current = resource.Inputs;
        foreach (var part in path.Split('.'))
        {
            current = current is IDictionary<string, object> map && map.TryGetValue(part, out var next) ? next : null;
        }

        return current;
    }

    private static ImmutableDictionary<string, object> WithComputedOutputs(MockResourceArgs args)
    {
        var outputs = args.Inputs.ToBuilder();
        outputs.TryAdd("name", args.Name ?? string.Empty);
        switch (args.Type)
        {
            case "gcp:container/cluster:Cluster":
                outputs.TryAdd("endpoint", "203.0.113.10");
                outputs.TryAdd("masterAuth", ImmutableDictionary<string, object>.Empty.Add("clusterCaCertificate", "Q0E="));
                break;
            case "aws:eks/cluster:Cluster":
                outputs.TryAdd("endpoint", "https://EXAMPLE.gr7.eu-west-1.eks.amazonaws.com");
                outputs.TryAdd("certificateAuthority", ImmutableDictionary<string, object>.Empty.Add("data", "Q0E="));
                outputs.TryAdd("identities", ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty.Add(
                    "oidcs", ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty.Add("issuer", "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE")))));
                outputs.TryAdd("arn", $"arn:aws:eks:eu-west-1:123456789012:cluster/{args.Name}");
                break;
            case "aws:iam/role:Role":
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider":
            case "aws:kms/key:Key":
                outputs.TryAdd("arn", $"arn:aws:iam::123456789012:{args.Type!.Split(':')[^1].ToLowerInvariant()}/{args.Name}");
                outputs.TryAdd("keyId", $"{args.Name}-key-id");
                break;
            case "gcp:serviceaccount/account:Account":
                var email = $"{args.Inputs["accountId"]}@{args.Inputs["project"]}.iam.gserviceaccount.com";
                outputs.TryAdd("email", email);
                outputs.TryAdd("member", $"serviceAccount:{email}");
                break;
        }

        return outputs.ToImmutable();
    }
}
