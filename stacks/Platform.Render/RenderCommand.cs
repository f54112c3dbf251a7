using Platform.Stacks;
using Platform.Stacks.Rendering;
using Platform.Stacks.Review;

namespace Platform.Render;

/// <summary>
/// <c>render --stack &lt;name&gt; --out &lt;dir&gt; [--dir &lt;folder&gt;]</c>: plans a stack from its
/// <c>Pulumi.&lt;name&gt;.yaml</c> and writes plan.json, manifests/ and helm/; <c>diff &lt;base&gt; &lt;head&gt;</c>:
/// reviews two renders as Markdown. No cloud, engine or network.
/// </summary>
public static class RenderCommand
{
    /// <summary>Exit code for success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code for invalid stack configuration; nothing is written.</summary>
    public const int InvalidConfig = 2;

    /// <summary>Exit code for a malformed command line.</summary>
    public const int Usage = 64;

    private const string UsageText = """
        usage: platform-render render --stack <name> --out <dir> [--dir <folder>]
               platform-render diff <base-render-dir> <head-render-dir>

        render: plans one stack and writes its render
          --stack <name>   the stack to render; reads Pulumi.<name>.yaml
          --out <dir>      where to write plan.json, summary.md, manifests/ and helm/
          --dir <folder>   folder holding the stack file (default: the current folder)

        diff: prints, as Markdown, what changed between two renders of one stack, or two folders
        holding one render per stack: node pools, add-on versions, Helm values keys, objects,
        capacity and cost, then the unified diff
        """;

    /// <summary>Runs the command and returns the process exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(UsageText);
            return args.Count == 0 ? Usage : Ok;
        }

        if (args[0] == "diff")
        {
            return Diff(args, stdout, stderr);
        }

        if (args[0] != "render")
        {
            stderr.WriteLine($"unknown command '{args[0]}'");
            stderr.WriteLine(UsageText);
            return Usage;
        }

        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(UsageText);
            return Ok;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            var known = name is "--stack" or "--out" or "--dir";
            if (!known || i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                stderr.WriteLine(known ? $"option {name} needs a value" : $"unknown argument '{name}'");
                stderr.WriteLine(UsageText);
                return Usage;
            }

            if (!options.TryAdd(name, args[++i]))
            {
                stderr.WriteLine($"option {name} is given twice ('{options[name]}' and '{args[i]}'); give it once");
                return Usage;
            }
        }

        if (!options.TryGetValue("--stack", out var stack) || !options.TryGetValue("--out", out var output))
        {
            stderr.WriteLine("render needs --stack and --out");
            stderr.WriteLine(UsageText);
            return Usage;
        }

        if (FileInTheWay(output) is { } file)
        {
            stderr.WriteLine(file == Path.GetFullPath(output)
                ? $"--out '{output}' is a file; give a folder to write the render into"
                : $"--out '{output}' cannot be a folder: '{file}' is a file");
            return Usage;
        }

        var directory = options.GetValueOrDefault("--dir", Directory.GetCurrentDirectory());
        var result = Planner.PlanStackFile(directory, stack);
        foreach (var warning in result.Warnings)
        {
            stderr.WriteLine($"warning: {warning}");
        }

        if (!result.Succeeded)
        {
            stderr.WriteLine($"Pulumi.{stack}.yaml has {result.Errors.Count} configuration error{(result.Errors.Count == 1 ? string.Empty : "s")}:");
            foreach (var error in result.Errors)
            {
                stderr.WriteLine($"  {error}");
            }

            return InvalidConfig;
        }

        var files = Renderer.Render(result.Plan!);
        Renderer.Write(files, output);
        stdout.WriteLine($"rendered stack '{stack}' to {output}: {files.Count} files");
        return Ok;
    }

    private static int Diff(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Skip(1).Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(UsageText);
            return Ok;
        }

        if (args.Count != 3)
        {
            stderr.WriteLine("diff needs two folders: the base render and the head render");
            stderr.WriteLine(UsageText);
            return Usage;
        }

        var missing = args.Skip(1).Where(d => !Directory.Exists(d)).ToList();
        if (missing.Count == 2)
        {
            stderr.WriteLine($"neither '{args[1]}' nor '{args[2]}' is a folder; give two render folders");
            return Usage;
        }

        stdout.Write(RenderDiff.Markdown(args[1], args[2]));
        return Ok;
    }

    /// <summary>The path, or its nearest existing ancestor, when that is a file: then no folder can be made there.</summary>
    private static string? FileInTheWay(string output)
    {
        var path = Path.GetFullPath(output);
        while (!string.IsNullOrEmpty(path))
        {
            if (File.Exists(path))
            {
                return path;
            }

            if (Directory.Exists(path))
            {
                return null;
            }

            path = Path.GetDirectoryName(path);
        }

        return null;
    }
}
