using Platform.Stacks.Clusters;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>Builds an add-on's cloud identity for the stack's cloud, named after the cluster and the add-on.</summary>
public static class CloudIdentity
{
    /// <summary>Cloud DNS: read zones in the project (to find the one to use), nothing more at project level.</summary>
    public const string DnsReader = "roles/dns.reader";

    /// <summary>Cloud DNS: change records, granted on one zone only.</summary>
    public const string DnsAdmin = "roles/dns.admin";

    /// <summary>Cloud Storage: read, write and delete objects, granted on one bucket only.</summary>
    public const string ObjectAdmin = "roles/storage.objectAdmin";

    /// <summary>Cloud Storage: read the bucket's own metadata (Tempo checks its bucket at start), on one bucket only.</summary>
    public const string BucketReader = "roles/storage.legacyBucketReader";

    /// <summary>
    /// The identity of an add-on that only reads and writes its own bucket: on aws an IAM role whose policy names that
    /// bucket alone; on gcp a Google service account with <see cref="ObjectAdmin"/> and <see cref="BucketReader"/> on that
    /// bucket alone and no role on the project.
    /// </summary>
    public static AddonIdentityPlan? ForBucket(AddonContext context, string slug, string ns, string serviceAccount, Storage.BucketPlan bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        var identity = For(context, slug, ns, serviceAccount, () => IamPolicy.ObjectStore(bucket.Name), [], []);
        return identity?.Gcp is { } gcp ? identity with { Gcp = gcp with { Bucket = bucket.Name, BucketRoles = [ObjectAdmin, BucketReader] } } : identity;
    }

    /// <summary>
    /// The identity of service account <paramref name="ns"/>/<paramref name="serviceAccount"/>: on aws an IAM role with
    /// <paramref name="awsPolicy"/>; on gcp a Google service account with <paramref name="gcpProjectRoles"/> on the project
    /// and <paramref name="gcpZoneRoles"/> on the DNS zone; null on an existing cluster.
    /// </summary>
    public static AddonIdentityPlan? For(
        AddonContext context,
        string slug,
        string ns,
        string serviceAccount,
        Func<string> awsPolicy,
        IReadOnlyList<string> gcpProjectRoles,
        IReadOnlyList<string> gcpZoneRoles)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(awsPolicy);
        var spec = context.Spec;
        var cluster = spec.Cluster.Name;
        return spec.Cloud switch
        {
            CloudKind.Aws => new AddonIdentityPlan(new PodIdentityRolePlan($"{cluster}-{slug}", ns, serviceAccount, slug, awsPolicy()), null),
            CloudKind.Gcp => Gcp(spec, slug, ns, serviceAccount, gcpProjectRoles, gcpZoneRoles),
            _ => null,
        };
    }

    private static AddonIdentityPlan Gcp(PlatformSpec spec, string slug, string ns, string serviceAccount, IReadOnlyList<string> projectRoles, IReadOnlyList<string> zoneRoles)
    {
        var id = ClusterPlanner.ServiceAccountId(spec.Cluster.Name, slug);
        return new AddonIdentityPlan(null, new GcpWorkloadIdentityPlan(
            id,
            $"{slug} of GKE cluster {spec.Cluster.Name}",
            $"{id}@{spec.GcpProject}.iam.gserviceaccount.com",
            ns,
            serviceAccount,
            projectRoles,
            zoneRoles.Count == 0 ? null : spec.Dns?.Zone,
            zoneRoles));
    }
}
