using Platform.Stacks.Config;
using Pulumi;

namespace Platform.Infra;

/// <summary>Reads the stack's whole configuration as the engine passed it to this program.</summary>
internal static class EngineConfig
{
    /// <summary>
    /// The language host hands the program its config as a JSON object in <c>PULUMI_CONFIG</c>. The SDK offers
    /// no public way to list every key, and listing them is what lets a typo such as
    /// <c>platform:nodepools</c> be reported instead of silently ignored.
    /// </summary>
    public const string Variable = "PULUMI_CONFIG";

    /// <summary>The list of keys whose values are secrets, which the plan reads as unreadable, as the render does.</summary>
    public const string SecretKeysVariable = "PULUMI_CONFIG_SECRET_KEYS";

    /// <summary>The configuration of the running stack.</summary>
    public static RawConfig Read() => EngineConfigReader.Parse(
        Deployment.Instance.StackName,
        Environment.GetEnvironmentVariable(Variable),
        Environment.GetEnvironmentVariable(SecretKeysVariable));
}
