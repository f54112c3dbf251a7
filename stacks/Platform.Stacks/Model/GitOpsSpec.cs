namespace Platform.Stacks.Model;

/// <summary>The GitOps repository Argo CD follows (<c>platform:gitops</c>).</summary>
/// <param name="RepoUrl">https or ssh URL of the repository.</param>
/// <param name="Path">Folder of this environment's overlay. Default: <c>overlays/&lt;environment&gt;</c>.</param>
/// <param name="Revision">Branch, tag or commit to follow. Default: main.</param>
/// <param name="Prune">Whether automated sync deletes what the repository no longer holds. Default: true.</param>
/// <param name="SelfHeal">Whether automated sync reverts changes made in the cluster. Default: true.</param>
/// <param name="Credentials">
/// How Argo CD authenticates to the repository: <c>none</c> (public), <c>https</c> (username and password or token)
/// or <c>ssh</c> (a private key), read from <c>platform:gitopsSecrets</c>. Default: none.
/// </param>
public sealed record GitOpsSpec(string RepoUrl, string Path, string Revision, bool Prune = true, bool SelfHeal = true, string Credentials = "none");
