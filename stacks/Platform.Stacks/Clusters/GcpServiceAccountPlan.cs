namespace Platform.Stacks.Clusters;

/// <summary>A dedicated service account with the project roles it is granted.</summary>
/// <param name="AccountId">Account id, 6-30 characters; the e-mail is <c>&lt;id&gt;@&lt;project&gt;.iam.gserviceaccount.com</c>.</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Roles">Project roles, least privilege.</param>
public sealed record GcpServiceAccountPlan(string AccountId, string DisplayName, IReadOnlyList<string> Roles);
