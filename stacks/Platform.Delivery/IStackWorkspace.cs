namespace Platform.Delivery;

/// <summary>
/// The Pulumi Automation API calls the <c>platform</c> command makes, on one project. The real implementation
/// drives the Pulumi CLI; tests use a fake, so every decision the command makes is tested without a cloud.
/// </summary>
public interface IStackWorkspace
{
    /// <summary>Every stack of the project, with when it was last updated.</summary>
    Task<IReadOnlyList<StackEntry>> ListStacksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A stack's plain config values by full key; secrets are left out. The config lives in the stack file on the
    /// machine that set it, so elsewhere (in CI) this may be empty.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> GetConfigAsync(string stack, CancellationToken cancellationToken);

    /// <summary>A stack's plain outputs from its last update, as the backend holds them; empty before the first.</summary>
    Task<IReadOnlyDictionary<string, string>> GetOutputsAsync(string stack, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the stack when it does not exist, sets every given config value and removes every other plain value,
    /// so the stack holds exactly the config that was planned. Secret values, set by hand, stay.
    /// </summary>
    Task SetConfigAsync(string stack, IReadOnlyDictionary<string, string> config, CancellationToken cancellationToken);

    /// <summary>
    /// Sets stack tags, which the backend keeps from the moment the stack exists, before any update has run. A
    /// backend without tags (a self-managed bucket) throws <see cref="NotSupportedException"/>.
    /// </summary>
    Task SetTagsAsync(string stack, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>A stack's tags; empty where the backend keeps none.</summary>
    Task<IReadOnlyDictionary<string, string>> GetTagsAsync(string stack, CancellationToken cancellationToken);

    /// <summary>Runs an update, reporting the engine's output line by line; returns the plain stack outputs.</summary>
    Task<IReadOnlyDictionary<string, string>> UpAsync(string stack, Action<string> progress, CancellationToken cancellationToken);

    /// <summary>Destroys every resource of the stack, reporting the engine's output line by line.</summary>
    Task DestroyAsync(string stack, Action<string> progress, CancellationToken cancellationToken);

    /// <summary>Removes the (empty) stack and its history.</summary>
    Task RemoveStackAsync(string stack, CancellationToken cancellationToken);
}

/// <summary>One stack of the project.</summary>
/// <param name="Name">The stack name.</param>
/// <param name="LastUpdate">When it was last updated; null when it never was.</param>
public sealed record StackEntry(string Name, DateTimeOffset? LastUpdate);
