using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi;

namespace Platform.Tests.Pulumi;

/// <summary>
/// The resource options one resource was registered with, as a stack transformation saw them, with protection
/// resolved the way the SDK resolves it: a resource's own setting, else its parent's.
/// </summary>
/// <param name="Type">Type token.</param>
/// <param name="Name">Resource name.</param>
/// <param name="Protect">Effective protection.</param>
/// <param name="DependsOn">Explicit dependencies.</param>
/// <param name="DeleteBeforeReplace">The custom resource's setting; null when unset or for components.</param>
/// <param name="IgnoreChanges">Properties whose changes are ignored.</param>
/// <param name="Parent">Name of the parent resource; null for the stack itself.</param>
/// <param name="Provider">Name of the explicit provider, or null.</param>
/// <param name="RetainOnDelete">Whether the resource is left in the cloud when Pulumi deletes it.</param>
internal sealed record RecordedOptions(
    string Type,
    string Name,
    bool Protect,
    Output<ImmutableArray<Resource>> DependsOn,
    bool? DeleteBeforeReplace,
    IReadOnlyList<string> IgnoreChanges,
    string? Parent,
    string? Provider,
    bool RetainOnDelete = false)
{
    /// <summary>Type and name of every explicit dependency.</summary>
    public async Task<IReadOnlyList<(string Type, string Name)>> DependenciesAsync() =>
        (await DependsOn.ValueAsync()).Select(r => (r.GetResourceType(), r.GetResourceName())).ToList();
}

/// <summary>
/// The stack the Pulumi tests run programs in. It registers one stack transformation that records every resource's
/// options, because the engine mocks see inputs but never options.
/// </summary>
internal sealed class RecordingStack : Stack
{
    private static readonly ConcurrentDictionary<Resource, bool> EffectiveProtect = new();

    public RecordingStack()
        : base(new StackOptions { ResourceTransformations = { Record } })
    {
        Outputs = Program?.Invoke() ?? new Dictionary<string, object?>();
    }

    /// <summary>The program body of the next run; tests run one at a time.</summary>
    public static Func<IDictionary<string, object?>>? Program { get; set; }

    /// <summary>Where the next run records options.</summary>
    public static ConcurrentQueue<RecordedOptions> Options { get; set; } = new();

    /// <summary>What the program body returned.</summary>
    public IDictionary<string, object?> Outputs { get; }

    /// <summary>Forgets what an earlier run recorded.</summary>
    public static void Reset(Func<IDictionary<string, object?>> program)
    {
        Program = program;
        Options = new ConcurrentQueue<RecordedOptions>();
        EffectiveProtect.Clear();
    }

    private static ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        var options = args.Options;
        var protect = options.Protect ?? (options.Parent is { } parent && EffectiveProtect.TryGetValue(parent, out var inherited) && inherited);
        EffectiveProtect[args.Resource] = protect;
        if (args.Resource is Stack)
        {
            return null;
        }

        var provider = options switch
        {
            CustomResourceOptions custom => custom.Provider,
            ComponentResourceOptions component => component.Provider,
            _ => null,
        };
        Options.Enqueue(new RecordedOptions(
            args.Resource.GetResourceType(),
            args.Resource.GetResourceName(),
            protect,
            options.DependsOn.Apply(list => list),
            (options as CustomResourceOptions)?.DeleteBeforeReplace,
            [.. options.IgnoreChanges],
            options.Parent?.GetResourceName(),
            provider?.GetResourceName(),
            options.RetainOnDelete ?? false));
        return null;
    }
}
