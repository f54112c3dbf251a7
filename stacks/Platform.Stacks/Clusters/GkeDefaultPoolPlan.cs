namespace Platform.Stacks.Clusters;

/// <summary>
/// The default node pool GKE insists on creating with a cluster. It is removed right after, but while it lives it
/// runs under the nodes' own service account with these scopes, never the default compute account.
/// </summary>
/// <param name="Remove">Whether it is removed once the cluster exists; always true.</param>
/// <param name="InitialNodeCount">Nodes per zone while it lives.</param>
/// <param name="OauthScopes">OAuth scopes of its nodes; access is then governed by IAM roles alone.</param>
public sealed record GkeDefaultPoolPlan(bool Remove, int InitialNodeCount, IReadOnlyList<string> OauthScopes);
