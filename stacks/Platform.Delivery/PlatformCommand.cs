using System.CommandLine;
using Platform.Render;
using Platform.Stacks.Model;

namespace Platform.Delivery;

/// <summary>
/// The <c>platform</c> command line: <c>render</c> and <c>diff</c> (offline), <c>dev up|down|list</c>,
/// <c>pr up|down</c> and <c>janitor</c> (through the Pulumi Automation API). Every command has <c>--help</c>.
/// </summary>
public static class PlatformCommand
{
    /// <summary>Exit code: the command line is malformed.</summary>
    public const int Usage = 64;

    /// <summary>Exit code: the Pulumi CLI or credentials the command needs are missing.</summary>
    public const int Unavailable = 69;

    /// <summary>Where the commands that need Pulumi get their workspace.</summary>
    /// <param name="ProjectDir">The folder holding Pulumi.yaml.</param>
    /// <param name="Unavailable">Why no workspace can be opened (no Pulumi CLI); null when one can.</param>
    /// <param name="Open">Opens the project's workspace.</param>
    /// <param name="Clock">The clock for expiry and age.</param>
    /// <param name="User">Who runs the command: the default owner of a dev stack.</param>
    public sealed record Context(string ProjectDir, string? Unavailable, Func<IStackWorkspace> Open, TimeProvider Clock, string User);

    /// <summary>Parses and runs a command line; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Context context, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = Build(context, stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await stderr.WriteLineAsync($"run '{CommandPath(parsed.CommandResult)} --help' for usage").ConfigureAwait(false);
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full command, e.g. <c>platform dev up</c>, of a parse result.</summary>
    private static string CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var current = result; current is not null; current = current.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(current.Parent is null ? "platform" : current.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    /// <summary>The command tree.</summary>
    public static RootCommand Build(Context context, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("Plans, renders and runs the Kubernetes platform. Offline: render, diff. Through Pulumi: dev, pr, janitor.");
        root.Add(RenderCommandLine(stdout, stderr));
        root.Add(DiffCommandLine(stdout, stderr));
        root.Add(Dev(context, stdout, stderr));
        root.Add(PullRequest(context, stdout, stderr));
        root.Add(Janitor(context, stdout, stderr));
        return root;
    }

    private static Command RenderCommandLine(TextWriter stdout, TextWriter stderr)
    {
        var stack = new Option<string>("--stack") { Description = "the stack to render; reads Pulumi.<stack>.yaml", Required = true };
        var output = new Option<string>("--out") { Description = "where to write plan.json, summary.md, manifests/ and helm/", Required = true };
        var dir = new Option<string?>("--dir") { Description = "folder holding the stack file (default: the current folder)" };
        var command = new Command("render", "Plan one stack offline and write its render.") { stack, output, dir };
        command.SetAction(parsed =>
        {
            var args = new List<string> { "render", "--stack", parsed.GetValue(stack)!, "--out", parsed.GetValue(output)! };
            if (parsed.GetValue(dir) is { } folder)
            {
                args.AddRange(["--dir", folder]);
            }

            return RenderCommand.Run(args, stdout, stderr);
        });
        return command;
    }

    private static Command DiffCommandLine(TextWriter stdout, TextWriter stderr)
    {
        var before = new Argument<string>("base-render-dir") { Description = "the render before the change (one stack, or one folder per stack)" };
        var after = new Argument<string>("head-render-dir") { Description = "the render after the change" };
        var command = new Command("diff", "Review two renders as Markdown: pools, chart versions, values keys, objects, capacity and cost, then the unified diff.") { before, after };
        command.SetAction(parsed => RenderCommand.Run(["diff", parsed.GetValue(before)!, parsed.GetValue(after)!], stdout, stderr));
        return command;
    }

    private static Command Dev(Context context, TextWriter stdout, TextWriter stderr)
    {
        var name = new Option<string>("--name") { Description = "the dev cluster's name; the stack is dev-<name>", Required = true };
        var cloud = new Option<string>("--cloud") { Description = "where it runs; picks the stack file it starts from", DefaultValueFactory = _ => "gcp" };
        cloud.AcceptOnlyFromAmong("gcp", "aws", "existing");
        var ttl = new Option<TimeSpan?>("--ttl") { Description = $"how long it may live, e.g. 45m, 8h, 2d; at most {Ttl.Longest} (default: 8h)", CustomParser = Ttl.Parse };
        var from = new Option<string?>("--from") { Description = "the stack file to start from, relative to the project (default: per cloud)" };
        var owner = new Option<string?>("--owner") { Description = "who owns it; stamped on every cloud resource (default: the current user)" };

        var up = new Command("up", "Create or update a dev-<name> stack from the dev profile, run the update and print how to reach it.") { name, cloud, ttl, from, owner };
        up.SetAction((parsed, token) => WithStacks(context, stderr, stdout, token, stacks =>
        {
            var stackName = parsed.GetValue(name)!;
            if (DevStacks.StackProblem(stackName) is { } problem)
            {
                stderr.WriteLine(problem);
                return Task.FromResult(Usage);
            }

            var cloudKind = Enum.Parse<CloudKind>(parsed.GetValue(cloud)!, ignoreCase: true);
            var template = parsed.GetValue(from) ?? DevStackConfig.Template(cloudKind);
            return stacks.UpAsync($"dev-{stackName}", template, parsed.GetValue(owner) ?? context.User, parsed.GetValue(ttl) ?? Ttl.Default, token);
        }));

        var downName = new Option<string>("--name") { Description = "the dev cluster's name", Required = true };
        var down = new Command("down", "Destroy a dev-<name> stack's resources and remove the stack.") { downName };
        down.SetAction((parsed, token) => WithStacks(context, stderr, stdout, token, stacks => stacks.DownAsync($"dev-{parsed.GetValue(downName)}", token)));

        var list = new Command("list", "Show every dev-* and pr-* stack: owner, last update, expiry and estimated hourly cost.");
        list.SetAction((_, token) => WithStacks(context, stderr, stdout, token, stacks => stacks.ListAsync(token)));

        return new Command("dev", "Short-lived dev clusters.") { up, down, list };
    }

    private static Command PullRequest(Context context, TextWriter stdout, TextWriter stderr)
    {
        var number = new Option<int>("--number") { Description = "the pull request's number; the stack is pr-<number>", Required = true };
        number.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError($"--number '{result.GetValueOrDefault<int>()}' is not a pull request number; use a whole number above 0, e.g. 1234");
            }
        });
        var cloud = new Option<string>("--cloud") { Description = "where it runs; picks the stack file it starts from", DefaultValueFactory = _ => "gcp" };
        cloud.AcceptOnlyFromAmong("gcp", "aws", "existing");
        var ttl = new Option<TimeSpan?>("--ttl") { Description = $"how long it may live after this update, e.g. 2d; at most {Ttl.Longest} (default: 3d)", CustomParser = Ttl.Parse };
        var owner = new Option<string?>("--owner") { Description = "who owns it, e.g. the pull request's author (default: the current user)" };
        var up = new Command("up", "Create or update the pr-<number> stack from the dev profile; each update moves its expiry on.") { number, cloud, ttl, owner };
        up.SetAction((parsed, token) => WithStacks(context, stderr, stdout, token, stacks =>
        {
            var cloudKind = Enum.Parse<CloudKind>(parsed.GetValue(cloud)!, ignoreCase: true);
            return stacks.UpAsync(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pr-{parsed.GetValue(number)}"),
                DevStackConfig.Template(cloudKind),
                parsed.GetValue(owner) ?? context.User,
                parsed.GetValue(ttl) ?? TimeSpan.FromDays(3),
                token);
        }));

        var downNumber = new Option<int>("--number") { Description = "the pull request's number", Required = true };
        var down = new Command("down", "Destroy the pr-<number> stack's resources and remove the stack.") { downNumber };
        down.SetAction((parsed, token) => WithStacks(context, stderr, stdout, token, stacks =>
            stacks.DownAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"pr-{parsed.GetValue(downNumber)}"), token)));
        return new Command("pr", "Clusters for pull requests, run by the pr-cluster workflow.") { up, down };
    }

    private static Command Janitor(Context context, TextWriter stdout, TextWriter stderr)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "only say what would be removed" };
        var command = new Command("janitor", "Destroy and remove every dev-* and pr-* stack past its platform:expiresAt.") { dryRun };
        command.SetAction((parsed, token) => WithStacks(context, stderr, stdout, token, stacks => stacks.JanitorAsync(parsed.GetValue(dryRun), token)));
        return command;
    }

    /// <summary>Runs an action that needs Pulumi, or says in one line why it cannot.</summary>
    private static async Task<int> WithStacks(Context context, TextWriter stderr, TextWriter stdout, CancellationToken token, Func<DevStacks, Task<int>> action)
    {
        if (context.Unavailable is { } reason)
        {
            await stderr.WriteLineAsync(reason).ConfigureAwait(false);
            return Unavailable;
        }

        try
        {
            return await action(new DevStacks(context.Open(), context.ProjectDir, stdout, stderr, context.Clock)).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The engine's own message names what is missing: credentials, a backend login, a plugin.
            await stderr.WriteLineAsync($"pulumi failed: {DevStacks.FirstLine(error.Message)}").ConfigureAwait(false);
            return DevStacks.Failed;
        }
    }
}
