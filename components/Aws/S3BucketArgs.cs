using Platform.Stacks.Storage;
using Pulumi;

namespace Platform.Components.Aws;

/// <summary>Arguments of <see cref="S3Bucket"/>. Nothing has a default; <see cref="FromPlan"/> gives every value.</summary>
public sealed class S3BucketArgs
{
    /// <summary>The bucket's global name; the provider's region is the cluster's.</summary>
    public required Input<string> BucketName { get; init; }

    /// <summary>Days after which the lifecycle rule deletes an object.</summary>
    public required Input<int> ExpireAfterDays { get; init; }

    /// <summary>Days after which an unfinished multipart upload is dropped.</summary>
    public required Input<int> AbortUploadsAfterDays { get; init; }

    /// <summary>Whether the bucket and its settings are kept when the stack is destroyed.</summary>
    public required bool Retain { get; init; }

    /// <summary>The one mapping from the plan.</summary>
    public static S3BucketArgs FromPlan(BucketPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new S3BucketArgs { BucketName = plan.Name, ExpireAfterDays = plan.ExpireAfterDays, AbortUploadsAfterDays = plan.AbortUploadsAfterDays, Retain = plan.Retain };
    }
}
