namespace Platform.Stacks.Diagnostics;

/// <summary>
/// Collects every configuration error so that all of them are reported at once, and the warnings: findings
/// that do not stop a plan but that a reviewer should see.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly List<Diagnostic> _warnings = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The errors in the order they were found, without duplicates.</summary>
    public IReadOnlyList<Diagnostic> Items => _items;

    /// <summary>True when at least one error was reported.</summary>
    public bool HasErrors => _items.Count > 0;

    /// <summary>Reports an error for <paramref name="key"/>.</summary>
    public void Error(string key, string message)
    {
        var diagnostic = new Diagnostic(key, message);
        if (_seen.Add(diagnostic.ToString()))
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>The warnings in the order they were found, without duplicates.</summary>
    public IReadOnlyList<Diagnostic> Warnings => _warnings;

    /// <summary>Reports a warning for <paramref name="key"/>; it never stops a plan.</summary>
    public void Warning(string key, string message)
    {
        var diagnostic = new Diagnostic(key, message);
        if (_seen.Add("warning " + diagnostic))
        {
            _warnings.Add(diagnostic);
        }
    }

    /// <summary>True when an error was already reported for <paramref name="key"/> or a key below it.</summary>
    public bool HasErrorAt(string key) =>
        _items.Exists(d => d.Key == key || d.Key.StartsWith(key + ".", StringComparison.Ordinal));
}
