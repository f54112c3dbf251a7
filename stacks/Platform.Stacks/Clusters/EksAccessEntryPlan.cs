namespace Platform.Stacks.Clusters;

/// <summary>One EKS access entry for an IAM principal.</summary>
/// <param name="PrincipalArn">The IAM role or user.</param>
/// <param name="Id">
/// A stable digest of <paramref name="PrincipalArn"/> that names the entry's resources, so removing one admin
/// removes exactly its entry and touches no other.
/// </param>
public sealed record EksAccessEntryPlan(string PrincipalArn, string Id);
