using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Stacks;
using Platform.Stacks.Config;
using Platform.Stacks.Model;

namespace Platform.Delivery;

/// <summary>
/// What <c>platform dev up|down|list</c> and <c>platform janitor</c> do, against an <see cref="IStackWorkspace"/>.
/// Each returns the process exit code and writes results to <c>Out</c>, progress and problems to <c>Err</c>.
/// </summary>
/// <param name="Workspace">The project's stacks.</param>
/// <param name="ProjectDir">The folder holding Pulumi.yaml and the stack files.</param>
/// <param name="Out">Results: outputs, tables, what was removed.</param>
/// <param name="Err">Progress and errors.</param>
/// <param name="Clock">Judges expiry and age.</param>
public sealed partial record DevStacks(IStackWorkspace Workspace, string ProjectDir, TextWriter Out, TextWriter Err, TimeProvider Clock)
{
    /// <summary>Exit code: done.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: an operation failed, or a stack does not exist.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the stack's config does not plan; nothing was changed.</summary>
    public const int InvalidConfig = 2;

    /// <summary>The longest lifetime <c>dev up</c> accepts; the plan warns beyond 30 days, this stops well before.</summary>
    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(7);

    /// <summary>
    /// Creates or updates <paramref name="stack"/> from <paramref name="templateFile"/> (relative to the project, or
    /// absolute), plans it locally so bad config never reaches the engine, then runs the update and prints how to
    /// reach the cluster.
    /// </summary>
    public async Task<int> UpAsync(string stack, string templateFile, string owner, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(templateFile);
        var path = Path.Combine(ProjectDir, templateFile);
        if (!File.Exists(path))
        {
            await Err.WriteLineAsync($"template stack file '{templateFile}' not found in {ProjectDir}").ConfigureAwait(false);
            return Failed;
        }

        var diagnostics = new Stacks.Diagnostics.DiagnosticBag();
        var template = StackFileReader.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), stack, diagnostics);
        if (diagnostics.HasErrors)
        {
            return await Report($"{templateFile} cannot be read", diagnostics.Items).ConfigureAwait(false);
        }

        var expiresAt = Clock.GetUtcNow() + ttl;
        SortedDictionary<string, string> config;
        try
        {
            config = DevStackConfig.Build(template, stack, owner, expiresAt);
        }
        catch (InvalidOperationException error)
        {
            await Err.WriteLineAsync($"{templateFile}: {error.Message}").ConfigureAwait(false);
            return InvalidConfig;
        }

        var result = Planner.Plan(EngineConfigReader.Parse(stack, EngineConfigWriter.Json(config)), clock: Clock);
        foreach (var warning in result.Warnings)
        {
            await Err.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            return await Report($"stack '{stack}' from {templateFile} does not plan; nothing was changed", result.Errors).ConfigureAwait(false);
        }

        var plan = result.Plan!;
        await Err.WriteLineAsync($"{stack}: {plan.Cluster.Cloud.ToString().ToLowerInvariant()} cluster '{plan.Cluster.Name}', expires {Format(expiresAt)}{CostText(plan)}").ConfigureAwait(false);
        await Workspace.SetConfigAsync(stack, config, cancellationToken).ConfigureAwait(false);
        try
        {
            await Workspace.SetTagsAsync(stack, DevStackConfig.Tags(owner, expiresAt), cancellationToken).ConfigureAwait(false);
        }
        catch (NotSupportedException)
        {
            await Err.WriteLineAsync("warning: this backend keeps no stack tags; the janitor finds the stack through its expiresAt output once an update succeeds").ConfigureAwait(false);
        }

        var outputs = await Workspace.UpAsync(stack, Progress, cancellationToken).ConfigureAwait(false);
        await Out.WriteLineAsync($"stack {stack} is up").ConfigureAwait(false);
        foreach (var (key, value) in outputs.Where(o => o.Key != "kubeconfig").OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            await Out.WriteLineAsync($"  {key}: {value}").ConfigureAwait(false);
        }

        if (KubeconfigCommand(config, outputs) is { } command)
        {
            await Out.WriteLineAsync($"reach it with: {command}").ConfigureAwait(false);
        }

        if (plan.Spec.Dns is { } dns)
        {
            await Out.WriteLineAsync($"routes are served at https://<name>.{dns.Domain}").ConfigureAwait(false);
        }

        return Ok;
    }

    /// <summary>Destroys a stack's resources, then removes the stack.</summary>
    public async Task<int> DownAsync(string stack, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var stacks = await Workspace.ListStacksAsync(cancellationToken).ConfigureAwait(false);
        if (stacks.All(s => s.Name != stack))
        {
            await Err.WriteLineAsync($"no stack '{stack}' in this project; 'platform dev list' shows the short-lived ones").ConfigureAwait(false);
            return Failed;
        }

        await Workspace.DestroyAsync(stack, Progress, cancellationToken).ConfigureAwait(false);
        await Workspace.RemoveStackAsync(stack, cancellationToken).ConfigureAwait(false);
        await Out.WriteLineAsync($"destroyed and removed stack {stack}").ConfigureAwait(false);
        return Ok;
    }

    /// <summary>A table of every short-lived stack: owner, last update, expiry, and the cost estimate of its plan.</summary>
    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var rows = new List<string[]>();
        foreach (var entry in (await Workspace.ListStacksAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => DevStackConfig.IsShortLived(s.Name))
            .OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var config = await Workspace.GetConfigAsync(entry.Name, cancellationToken).ConfigureAwait(false);
            var outputs = await Workspace.GetOutputsAsync(entry.Name, cancellationToken).ConfigureAwait(false);
            var tags = await Workspace.GetTagsAsync(entry.Name, cancellationToken).ConfigureAwait(false);
            var expiry = DevStackConfig.ExpiresAt(config, outputs, tags);
            var plan = Planner.Plan(EngineConfigReader.Parse(entry.Name, EngineConfigWriter.Json(config)), clock: new FixedClock(DateTimeOffset.MinValue)).Plan;
            rows.Add(
            [
                entry.Name,
                DevStackConfig.Owner(config, outputs, tags) ?? "—",
                entry.LastUpdate is { } updated ? $"{Age(now - updated)} ago" : "never",
                expiry is null ? "none" : expiry <= now ? $"expired {Age(now - expiry.Value)} ago" : $"in {Age(expiry.Value - now)}",
                config.Count > 0 && plan?.Cost is { } cost ? Range(cost) : "—",
            ]);
        }

        if (rows.Count == 0)
        {
            await Out.WriteLineAsync("no dev-* or pr-* stacks").ConfigureAwait(false);
            return Ok;
        }

        string[] header = ["STACK", "OWNER", "UPDATED", "EXPIRES", "COST (ESTIMATE)"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            await Out.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd()).ConfigureAwait(false);
        }

        await Out.WriteLineAsync($"costs are estimates at list prices; see plan.json's cost section").ConfigureAwait(false);
        return Ok;
    }

    /// <summary>
    /// Destroys and removes every short-lived stack past its expiry (with <paramref name="dryRun"/>, only says which).
    /// A stack without a readable expiry is reported and left alone. One failure does not stop the rest; it makes
    /// the exit code non-zero.
    /// </summary>
    public async Task<int> JanitorAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var failures = 0;
        var removed = 0;
        foreach (var entry in (await Workspace.ListStacksAsync(cancellationToken).ConfigureAwait(false))
            .Where(s => DevStackConfig.IsShortLived(s.Name))
            .OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var expiry = DevStackConfig.ExpiresAt(
                await Workspace.GetConfigAsync(entry.Name, cancellationToken).ConfigureAwait(false),
                await Workspace.GetOutputsAsync(entry.Name, cancellationToken).ConfigureAwait(false),
                await Workspace.GetTagsAsync(entry.Name, cancellationToken).ConfigureAwait(false));
            if (expiry is null)
            {
                await Err.WriteLineAsync($"{entry.Name}: no readable expiry (no expiresAt output, platform-expires-at tag or platform:expiresAt); left alone, remove it by hand").ConfigureAwait(false);
                continue;
            }

            if (expiry > now)
            {
                continue;
            }

            if (dryRun)
            {
                await Out.WriteLineAsync($"would remove {entry.Name} (expired {Format(expiry.Value)})").ConfigureAwait(false);
                continue;
            }

            try
            {
                await Workspace.DestroyAsync(entry.Name, Progress, cancellationToken).ConfigureAwait(false);
                await Workspace.RemoveStackAsync(entry.Name, cancellationToken).ConfigureAwait(false);
                await Out.WriteLineAsync($"removed {entry.Name} (expired {Format(expiry.Value)})").ConfigureAwait(false);
                removed++;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                await Err.WriteLineAsync($"{entry.Name}: could not be removed: {FirstLine(error.Message)}").ConfigureAwait(false);
                failures++;
            }
        }

        await Out.WriteLineAsync(dryRun ? "dry run: nothing was changed" : $"removed {removed} expired stack{(removed == 1 ? string.Empty : "s")}").ConfigureAwait(false);
        return failures == 0 ? Ok : Failed;
    }

    /// <summary>
    /// The stack name for a dev cluster: <c>dev-&lt;name&gt;</c>. The name is a DNS label short enough that the cluster,
    /// which is named after the stack, stays within 40 characters; null with the reason otherwise.
    /// </summary>
    public static string? StackProblem(string name) => NameRule().IsMatch(name)
        ? null
        : $"--name '{name}' must be 1 to 36 lowercase letters, digits and '-', starting with a letter and not ending with '-'";

    /// <summary>The command that points kubectl at the stack's cluster, from its config and outputs.</summary>
    public static string? KubeconfigCommand(IReadOnlyDictionary<string, string> config, IReadOnlyDictionary<string, string> outputs)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(outputs);
        var name = outputs.GetValueOrDefault("clusterName");
        var location = outputs.GetValueOrDefault("clusterLocation");
        return config.GetValueOrDefault("platform:cloud") switch
        {
            "gcp" when name is not null && location is not null =>
                $"gcloud container clusters get-credentials {name} --region {location} --project {config.GetValueOrDefault("gcp:project", "<project>")}",
            "aws" when name is not null && location is not null => $"aws eks update-kubeconfig --name {name} --region {location}",
            "existing" when outputs.GetValueOrDefault("kubeContext") is { } context => $"kubectl config use-context {context}",
            _ => null,
        };
    }

    private void Progress(string line) => Err.WriteLine(line);

    private async Task<int> Report<T>(string headline, IReadOnlyList<T> errors)
    {
        await Err.WriteLineAsync($"{headline}:").ConfigureAwait(false);
        foreach (var error in errors)
        {
            await Err.WriteLineAsync($"  {error}").ConfigureAwait(false);
        }

        return InvalidConfig;
    }

    private static string CostText(PlatformPlan plan) => plan.Cost is { } cost ? $", estimated {Range(cost)}" : string.Empty;

    private static string Range(Stacks.Cost.CostShape cost) =>
        string.Create(CultureInfo.InvariantCulture, $"{cost.MinPerHour}–{cost.MaxPerHour} {cost.Currency}/h");

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Age(TimeSpan span) => span switch
    {
        { TotalDays: >= 2 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)span.TotalMinutes)}m"),
    };

    /// <summary>The first line of an engine error: the part that says what is wrong.</summary>
    internal static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    [GeneratedRegex("^[a-z]([a-z0-9-]{0,34}[a-z0-9])?$")]
    private static partial Regex NameRule();

    /// <summary>A clock stopped at one instant: lists plan a stack's cost without judging its expiry.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
