using Pulumi;
using Pulumi.Gcp.Storage;
using Pulumi.Gcp.Storage.Inputs;

namespace Platform.Components.Gcp;

/// <summary>
/// A private GCS bucket for one add-on's data: uniform bucket-level access with public access prevented, a lifecycle
/// rule that deletes objects after the planned number of days, and, when retained, kept when the stack is destroyed.
/// Access is granted per identity, on this bucket alone (see <see cref="WorkloadIdentity"/>).
/// </summary>
public sealed class GcsBucket : ComponentResource
{
    /// <summary>Creates the bucket.</summary>
    public GcsBucket(string name, GcsBucketArgs args, ComponentResourceOptions? options = null)
        : base("platform:gcp:GcsBucket", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var bucket = new Bucket($"{name}-bucket", new BucketArgs
        {
            Name = args.BucketName,
            Project = args.Project,
            Location = args.Location,
            StorageClass = "STANDARD",
            UniformBucketLevelAccess = true,
            PublicAccessPrevention = "enforced",
            // A bucket that is not retained goes with its stack, objects and all.
            ForceDestroy = !args.Retain,
            Labels = args.Labels,
            LifecycleRules =
            {
                new BucketLifecycleRuleArgs
                {
                    Action = new BucketLifecycleRuleActionArgs { Type = "Delete" },
                    Condition = new BucketLifecycleRuleConditionArgs { Age = args.ExpireAfterDays },
                },
            },
        }, new CustomResourceOptions { Parent = this, RetainOnDelete = args.Retain });
        BucketName = bucket.Name;
        RegisterOutputs(new Dictionary<string, object?> { ["bucketName"] = BucketName });
    }

    /// <summary>The bucket's name.</summary>
    [Output("bucketName")]
    public Output<string> BucketName { get; }
}
