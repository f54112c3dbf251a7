namespace Platform.Stacks.Diagnostics;

/// <summary>One configuration error: the full config key and a message naming the bad value and what is allowed.</summary>
/// <param name="Key">The full key, e.g. <c>platform:nodePools.general.maxNodes</c>.</param>
/// <param name="Message">What is wrong and what is allowed, without the key.</param>
public sealed record Diagnostic(string Key, string Message)
{
    /// <summary>The line printed to users: <c>key: message</c>.</summary>
    public override string ToString() => $"{Key}: {Message}";
}
