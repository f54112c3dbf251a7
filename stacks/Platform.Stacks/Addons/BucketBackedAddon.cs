using System.Text.Json.Nodes;
using Platform.Stacks.Clusters;
using Platform.Stacks.Model;
using Platform.Stacks.Storage;

namespace Platform.Stacks.Addons;

/// <summary>
/// An observability backend that keeps its data in a bucket of its own on GKE and EKS (see <see cref="ObjectStorage"/>),
/// for a retention per profile, and reaches it as its own cloud identity, bound to one Kubernetes service account
/// named after the add-on. On an existing cluster it has neither.
/// </summary>
public abstract class BucketBackedAddon : AddonDefinition
{
    /// <summary>Its Kubernetes service account, which the cloud identity is bound to.</summary>
    public string ServiceAccount => Name;

    /// <summary>Days of data kept in a profile.</summary>
    public abstract int RetentionDays(EnvironmentProfile profile);

    /// <inheritdoc />
    public sealed override BucketPlan? Bucket(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ObjectStorage.For(context.Spec, Name, RetentionDays(context.Spec.Environment));
    }

    /// <inheritdoc />
    public sealed override AddonIdentityPlan? Identity(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Bucket(context) is { } bucket ? CloudIdentity.ForBucket(context, Name, Namespace, ServiceAccount, bucket) : null;
    }

    /// <summary>The chart's <c>serviceAccount</c> values: the fixed name, annotated for Workload Identity on GKE.</summary>
    protected JsonObject ServiceAccountValues(AddonContext context)
    {
        var serviceAccount = new JsonObject { ["create"] = true, ["name"] = ServiceAccount };
        if (Identity(context)?.Gcp is { } gcp)
        {
            serviceAccount["annotations"] = new JsonObject { ["iam.gke.io/gcp-service-account"] = gcp.Email };
        }

        return serviceAccount;
    }
}
