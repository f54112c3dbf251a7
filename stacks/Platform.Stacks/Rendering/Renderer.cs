using System.Text;

namespace Platform.Stacks.Rendering;

/// <summary>
/// The offline render: every file a plan produces (summary.md, plan.json, manifests/, helm/, and alerting/ with the
/// rule files, their promtool tests and the Alertmanager configuration), as relative path to
/// content. Pure and deterministic, so two renders of the same config are byte-identical.
/// </summary>
public static class Renderer
{
    /// <summary>The generated folders and files a render owns inside its output folder.</summary>
    public static IReadOnlyList<string> OwnedEntries { get; } = ["summary.md", "plan.json", "manifests", "helm", "alerting"];

    /// <summary>Renders every file of the plan, keyed by relative path with '/' separators, sorted.</summary>
    public static SortedDictionary<string, string> Render(PlatformPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["plan.json"] = PlanJson.Write(plan),
            ["summary.md"] = SummaryMarkdown.Write(plan),
        };
        foreach (var bundle in plan.Manifests)
        {
            files[bundle.File] = YamlText.Documents(bundle.Objects);
        }

        foreach (var release in plan.Releases)
        {
            files[release.ValuesFile] = YamlText.Document(release.Values);
        }

        if (plan.Alerting is { } alerting)
        {
            foreach (var rule in alerting.Rules)
            {
                files[$"alerting/rules/{rule.FileName}"] = YamlText.Document(rule.Rules);
                files[$"alerting/tests/{rule.TestFileName}"] = YamlText.Document(rule.Tests);
            }

            files["alerting/alertmanager.yaml"] = YamlText.Document(alerting.Alertmanager);
        }

        return files;
    }

    /// <summary>
    /// Writes the files into <paramref name="outputDirectory"/>, first removing what an earlier render there
    /// left (only the entries a render owns), so stale files never linger.
    /// </summary>
    public static void Write(IReadOnlyDictionary<string, string> files, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        foreach (var entry in OwnedEntries)
        {
            var path = Path.Combine(outputDirectory, entry);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(outputDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, utf8);
        }
    }
}
