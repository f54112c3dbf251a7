namespace Platform.Stacks.Model;

/// <summary>The GitOps repository Argo CD follows (<c>platform:gitops</c>).</summary>
/// <param name="RepoUrl">https or ssh URL of the repository.</param>
/// <param name="Path">Folder of this environment's overlay. Default: <c>overlays/&lt;environment&gt;</c>.</param>
/// <param name="Revision">Branch, tag or commit to follow. Default: main.</param>
public sealed record GitOpsSpec(string RepoUrl, string Path, string Revision);
