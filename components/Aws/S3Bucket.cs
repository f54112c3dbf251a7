using Pulumi;
using Pulumi.Aws.S3;
using Pulumi.Aws.S3.Inputs;

namespace Platform.Components.Aws;

/// <summary>
/// A private S3 bucket for one add-on's data: every kind of public access blocked, encrypted at rest, a lifecycle
/// rule that deletes objects and drops abandoned multipart uploads after the planned numbers of days, and,
/// when retained, kept with its settings when the stack is destroyed. Access is granted per role, on this bucket
/// alone (see <see cref="AddonIdentity"/>).
/// </summary>
public sealed class S3Bucket : ComponentResource
{
    /// <summary>Creates the bucket and its settings.</summary>
    public S3Bucket(string name, S3BucketArgs args, ComponentResourceOptions? options = null)
        : base("platform:aws:S3Bucket", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        // A retained bucket keeps its settings too: dropping the public access block on destroy would open it.
        var child = new CustomResourceOptions { Parent = this, RetainOnDelete = args.Retain };
        var bucket = new Bucket($"{name}-bucket", new BucketArgs
        {
            BucketName = args.BucketName,
            ForceDestroy = !args.Retain,
        }, child);
        _ = new BucketPublicAccessBlock($"{name}-public-access", new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, child);
        _ = new BucketServerSideEncryptionConfiguration($"{name}-encryption", new Pulumi.Aws.S3.BucketServerSideEncryptionConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new BucketServerSideEncryptionConfigurationRuleArgs
                {
                    ApplyServerSideEncryptionByDefault = new BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultArgs { SseAlgorithm = "AES256" },
                    BucketKeyEnabled = true,
                },
            },
        }, child);
        _ = new BucketLifecycleConfiguration($"{name}-lifecycle", new BucketLifecycleConfigurationArgs
        {
            Bucket = bucket.Id,
            Rules =
            {
                new BucketLifecycleConfigurationRuleArgs
                {
                    Id = "expire",
                    Status = "Enabled",
                    Filter = new BucketLifecycleConfigurationRuleFilterArgs { Prefix = string.Empty },
                    Expiration = new BucketLifecycleConfigurationRuleExpirationArgs { Days = args.ExpireAfterDays },
                    AbortIncompleteMultipartUpload = new BucketLifecycleConfigurationRuleAbortIncompleteMultipartUploadArgs { DaysAfterInitiation = args.AbortUploadsAfterDays },
                },
            },
        }, child);
        BucketName = bucket.BucketName;
        RegisterOutputs(new Dictionary<string, object?> { ["bucketName"] = BucketName });
    }

    /// <summary>The bucket's name.</summary>
    [Output("bucketName")]
    public Output<string> BucketName { get; }
}
