namespace Platform.Stacks.Model;

/// <summary>A node taint, written in config as <c>key=value:Effect</c>.</summary>
/// <param name="Key">The taint key.</param>
/// <param name="Value">The taint value (may be empty).</param>
/// <param name="Effect">What the taint does to pods without a toleration.</param>
public sealed record Taint(string Key, string Value, TaintEffect Effect)
{
    /// <summary>The <c>key=value:Effect</c> form.</summary>
    public override string ToString() => Value.Length == 0 ? $"{Key}:{Effect}" : $"{Key}={Value}:{Effect}";

    /// <summary>The effect as the GKE and EKS APIs spell it: NO_SCHEDULE, PREFER_NO_SCHEDULE or NO_EXECUTE.</summary>
    public string ApiEffect => Effect switch
    {
        TaintEffect.NoSchedule => "NO_SCHEDULE",
        TaintEffect.PreferNoSchedule => "PREFER_NO_SCHEDULE",
        _ => "NO_EXECUTE",
    };
}
