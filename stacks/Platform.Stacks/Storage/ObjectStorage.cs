using Platform.Stacks.Model;

namespace Platform.Stacks.Storage;

/// <summary>How the platform names and keeps the buckets of its observability backends.</summary>
public static class ObjectStorage
{
    /// <summary>Days a lifecycle rule waits beyond an add-on's retention before deleting an object.</summary>
    public const int Backstop = 7;

    /// <summary>Days after which an unfinished multipart upload is dropped.</summary>
    public const int AbortUploadsAfter = 7;

    /// <summary>
    /// The bucket of <paramref name="purpose"/> for a stack on gcp or aws, kept <paramref name="retentionDays"/>;
    /// null on an existing cluster, which has no cloud storage, and for a cluster without a region (already an error).
    /// </summary>
    public static BucketPlan? For(PlatformSpec spec, string purpose, int retentionDays)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(purpose);
        if (spec.Cloud == CloudKind.Existing || spec.Cluster.Region is not { } region)
        {
            return null;
        }

        return new BucketPlan(
            Name(spec, purpose),
            purpose,
            region,
            retentionDays,
            retentionDays + Backstop,
            AbortUploadsAfter,
            spec.Environment == EnvironmentProfile.Prod);
    }

    /// <summary>
    /// <c>&lt;cluster&gt;-&lt;purpose&gt;-&lt;digest&gt;</c>: bucket names are global to a cloud, so eight hex digits of a
    /// digest of the project (gcp) or region (aws), the stack and the purpose keep two stacks, or two accounts, apart
    /// while every render names the same bucket. At most 55 characters (cluster names have at most 40).
    /// </summary>
    public static string Name(PlatformSpec spec, string purpose)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var scope = spec.Cloud == CloudKind.Gcp ? spec.GcpProject : spec.Cluster.Region;
        return $"{spec.Cluster.Name}-{purpose}-{Clusters.ClusterPlanner.Digest($"{spec.Cloud}/{scope}/{spec.Stack}/{purpose}")[..8]}";
    }
}
