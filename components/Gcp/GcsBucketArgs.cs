using Platform.Stacks.Storage;
using Pulumi;

namespace Platform.Components.Gcp;

/// <summary>Arguments of <see cref="GcsBucket"/>. Nothing has a default; <see cref="FromPlan"/> gives every value.</summary>
public sealed class GcsBucketArgs
{
    /// <summary>The bucket's global name.</summary>
    public required Input<string> BucketName { get; init; }

    /// <summary>Its project.</summary>
    public required Input<string> Project { get; init; }

    /// <summary>Its region.</summary>
    public required Input<string> Location { get; init; }

    /// <summary>Its resource labels.</summary>
    public required InputMap<string> Labels { get; init; }

    /// <summary>Days after which the lifecycle rule deletes an object.</summary>
    public required Input<int> ExpireAfterDays { get; init; }

    /// <summary>Whether the bucket is kept when the stack is destroyed.</summary>
    public required bool Retain { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static GcsBucketArgs FromPlan(BucketPlan plan, string project, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(labels);
        var map = new InputMap<string>();
        foreach (var (key, value) in labels)
        {
            map[key] = value;
        }

        return new GcsBucketArgs
        {
            BucketName = plan.Name,
            Project = project,
            Location = plan.Location,
            Labels = map,
            ExpireAfterDays = plan.ExpireAfterDays,
            Retain = plan.Retain,
        };
    }
}
