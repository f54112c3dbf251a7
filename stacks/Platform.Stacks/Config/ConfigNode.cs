namespace Platform.Stacks.Config;

/// <summary>
/// One value of stack configuration, independent of where it was read from (a
/// <c>Pulumi.&lt;stack&gt;.yaml</c> file or the engine's structured config).
/// </summary>
/// <param name="Line">1-based line in the source file, or 0 when the source has no lines.</param>
public abstract record ConfigNode(int Line)
{
    /// <summary>A short word for the node's kind, used in type errors.</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar: text plus whether the source wrote it as a quoted string.</summary>
/// <param name="Text">The raw text of the scalar.</param>
/// <param name="Quoted">True when the source marks it as a string (quoted YAML, JSON string).</param>
/// <param name="Line">1-based line in the source file, or 0.</param>
public sealed record ConfigScalar(string Text, bool Quoted, int Line = 0) : ConfigNode(Line)
{
    /// <inheritdoc />
    public override string KindName => "a scalar";
}

/// <summary>An explicit null (<c>~</c>, <c>null</c> or an empty value).</summary>
/// <param name="Line">1-based line in the source file, or 0.</param>
public sealed record ConfigNull(int Line = 0) : ConfigNode(Line)
{
    /// <inheritdoc />
    public override string KindName => "null";
}

/// <summary>A list of values.</summary>
/// <param name="Items">The items in source order.</param>
/// <param name="Line">1-based line in the source file, or 0.</param>
public sealed record ConfigSequence(IReadOnlyList<ConfigNode> Items, int Line = 0) : ConfigNode(Line)
{
    /// <inheritdoc />
    public override string KindName => "a list";
}

/// <summary>A map of string keys to values, in source order. Keys are unique.</summary>
/// <param name="Entries">The entries in source order.</param>
/// <param name="Line">1-based line in the source file, or 0.</param>
public sealed record ConfigMapping(IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries, int Line = 0) : ConfigNode(Line)
{
    /// <inheritdoc />
    public override string KindName => "a map";
}

/// <summary>
/// An encrypted value (<c>secure: …</c> in a stack file). The offline render has no key to decrypt it, so it can
/// plan only where the value is not needed.
/// </summary>
/// <param name="Line">1-based line in the source file, or 0.</param>
public sealed record ConfigSecret(int Line = 0) : ConfigNode(Line)
{
    /// <inheritdoc />
    public override string KindName => "a secret";
}
