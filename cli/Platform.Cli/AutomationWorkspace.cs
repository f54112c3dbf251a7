using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using Platform.Delivery;

namespace Platform.Cli;

/// <summary>
/// <see cref="IStackWorkspace"/> over the Pulumi Automation API: the project in <c>projectDir</c> (its own
/// Pulumi.yaml and program), driven through the Pulumi CLI with whatever backend it is logged in to.
/// </summary>
internal sealed class AutomationWorkspace(string projectDir) : IStackWorkspace, IDisposable
{
    private LocalWorkspace? _workspace;

    public async Task<IReadOnlyList<StackEntry>> ListStacksAsync(CancellationToken cancellationToken)
    {
        var workspace = await Open(cancellationToken).ConfigureAwait(false);
        var stacks = await workspace.ListStacksAsync(cancellationToken).ConfigureAwait(false);
        return [.. stacks.Select(s => new StackEntry(s.Name, s.LastUpdate))];
    }

    public async Task<IReadOnlyDictionary<string, string>> GetConfigAsync(string stack, CancellationToken cancellationToken)
    {
        var workspace = await Open(cancellationToken).ConfigureAwait(false);
        var config = await workspace.GetAllConfigAsync(stack, cancellationToken).ConfigureAwait(false);
        return config.Where(c => !c.Value.IsSecret).ToDictionary(c => c.Key, c => c.Value.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetOutputsAsync(string stack, CancellationToken cancellationToken)
    {
        var workspace = await Open(cancellationToken).ConfigureAwait(false);
        var outputs = await workspace.GetStackOutputsAsync(stack, cancellationToken).ConfigureAwait(false);
        return Plain(outputs);
    }

    public async Task SetConfigAsync(string stack, IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken)
    {
        var workspace = await Open(cancellationToken).ConfigureAwait(false);
        using var selected = await WorkspaceStack.CreateOrSelectAsync(stack, workspace, cancellationToken).ConfigureAwait(false);
        var stale = (await selected.GetAllConfigAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => !c.Value.IsSecret && !config.ContainsKey(c.Key))
            .Select(c => c.Key)
            .ToList();
        if (stale.Count > 0)
        {
            await selected.RemoveAllConfigAsync(stale, cancellationToken).ConfigureAwait(false);
        }

        await selected.SetAllConfigAsync(config.ToDictionary(c => c.Key, c => new ConfigValue(c.Value)), cancellationToken).ConfigureAwait(false);
    }

    public async Task SetTagsAsync(string stack, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var workspace = await Open(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (key, value) in tags)
            {
                await workspace.SetTagAsync(stack, key, value, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (CommandException error)
        {
            throw new NotSupportedException(error.Message, error);
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string stack, CancellationToken cancellationToken)
    {
        var workspace = await Open(cancellationToken).ConfigureAwait(false);
        try
        {
            return await workspace.ListTagsAsync(stack, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandException)
        {
            return new Dictionary<string, string>();
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> UpAsync(string stack, Action<string> progress, CancellationToken cancellationToken)
    {
        using var selected = await Select(stack, cancellationToken).ConfigureAwait(false);
        var result = await selected.UpAsync(new UpOptions { OnStandardOutput = progress, OnStandardError = progress }, cancellationToken).ConfigureAwait(false);
        return Plain(result.Outputs);
    }

    public async Task DestroyAsync(string stack, Action<string> progress, CancellationToken cancellationToken)
    {
        using var selected = await Select(stack, cancellationToken).ConfigureAwait(false);
        await selected.DestroyAsync(new DestroyOptions { OnStandardOutput = progress, OnStandardError = progress }, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveStackAsync(string stack, CancellationToken cancellationToken)
    {
        var workspace = await Open(cancellationToken).ConfigureAwait(false);
        await workspace.RemoveStackAsync(stack, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _workspace?.Dispose();

    private static Dictionary<string, string> Plain(IEnumerable<KeyValuePair<string, OutputValue>> outputs) => outputs
        .Where(o => !o.Value.IsSecret)
        .ToDictionary(o => o.Key, o => Convert.ToString(o.Value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal);

    private async Task<WorkspaceStack> Select(string stack, CancellationToken cancellationToken) =>
        await WorkspaceStack.SelectAsync(stack, await Open(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    private async Task<LocalWorkspace> Open(CancellationToken cancellationToken) =>
        _workspace ??= await LocalWorkspace.CreateAsync(new LocalWorkspaceOptions { WorkDir = projectDir }, cancellationToken).ConfigureAwait(false);
}
