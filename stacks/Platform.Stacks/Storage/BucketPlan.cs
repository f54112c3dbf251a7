namespace Platform.Stacks.Storage;

/// <summary>
/// A bucket (GCS on gcp, S3 on aws) that one add-on keeps its data in, reached only through the add-on's own cloud
/// identity. Private, encrypted, in the cluster's region, with a lifecycle rule that deletes objects some days
/// after the add-on's own retention would have: a backstop, never the retention itself.
/// </summary>
/// <param name="Name">The bucket's name, global in its cloud: <c>&lt;cluster&gt;-&lt;purpose&gt;-&lt;digest&gt;</c>.</param>
/// <param name="Purpose">What it holds, e.g. <c>loki</c>.</param>
/// <param name="Location">The cluster's region.</param>
/// <param name="RetentionDays">How long the add-on keeps data.</param>
/// <param name="ExpireAfterDays">When the lifecycle rule deletes an object: retention plus a week.</param>
/// <param name="AbortUploadsAfterDays">When an unfinished multipart upload is dropped (S3 keeps its parts otherwise).</param>
/// <param name="Retain">
/// Whether the bucket outlives its stack: protected in Pulumi state and kept when the stack is destroyed (prod).
/// Elsewhere it is deleted with its objects.
/// </param>
public sealed record BucketPlan(string Name, string Purpose, string Location, int RetentionDays, int ExpireAfterDays, int AbortUploadsAfterDays, bool Retain);
