using Pulumi;
using Pulumi.Gcp.Dns;
using Pulumi.Gcp.ServiceAccount;
using Pulumi.Gcp.Storage;
using ProjectIamMember = Pulumi.Gcp.Projects.IAMMember;
using ProjectIamMemberArgs = Pulumi.Gcp.Projects.IAMMemberArgs;

namespace Platform.Components.Gcp;

/// <summary>
/// The cloud identity of one add-on on GKE: a Google service account that only its Kubernetes service account may act
/// as (Workload Identity), with its roles on the project, on one Cloud DNS zone and on one bucket. No keys are ever
/// created.
/// </summary>
public sealed class WorkloadIdentity : ComponentResource
{
    /// <summary>Creates the account and its bindings.</summary>
    public WorkloadIdentity(string name, WorkloadIdentityArgs args, ComponentResourceOptions? options = null)
        : base("platform:gcp:WorkloadIdentity", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var child = new CustomResourceOptions { Parent = this };
        var account = new Account($"{name}-account", new AccountArgs
        {
            AccountId = args.AccountId,
            DisplayName = args.DisplayName,
            Project = args.Project,
        }, child);
        _ = new IAMMember($"{name}-workload-identity", new IAMMemberArgs
        {
            ServiceAccountId = account.Name,
            Role = "roles/iam.workloadIdentityUser",
            Member = Output.Format($"serviceAccount:{args.WorkloadPool}[{args.Namespace}/{args.ServiceAccount}]"),
        }, child);
        foreach (var role in args.ProjectRoles)
        {
            _ = new ProjectIamMember($"{name}-{role.Split('/')[^1]}", new ProjectIamMemberArgs
            {
                Project = args.Project,
                Role = role,
                Member = account.Member,
            }, child);
        }

        foreach (var role in args.ZoneRoles)
        {
            _ = new DnsManagedZoneIamMember($"{name}-zone-{role.Split('/')[^1]}", new DnsManagedZoneIamMemberArgs
            {
                Project = args.Project,
                ManagedZone = args.Zone ?? throw new ArgumentException("zone roles need a zone", nameof(args)),
                Role = role,
                Member = account.Member,
            }, child);
        }

        foreach (var role in args.BucketRoles)
        {
            _ = new BucketIAMMember($"{name}-bucket-{role.Split('/')[^1]}", new BucketIAMMemberArgs
            {
                Bucket = args.Bucket ?? throw new ArgumentException("bucket roles need a bucket", nameof(args)),
                Role = role,
                Member = account.Member,
            }, child);
        }

        Email = account.Email;
        RegisterOutputs(new Dictionary<string, object?> { ["email"] = Email });
    }

    /// <summary>The Google service account's e-mail.</summary>
    [Output("email")]
    public Output<string> Email { get; }
}
