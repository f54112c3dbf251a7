using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;

namespace Platform.Stacks.Tests;

/// <summary>Helpers that plan YAML text the way the render plans a stack file.</summary>
internal static class Stacks
{
    public const string Project = "gcp:project: acme-platform-staging";
    public const string Gcp = "platform:cloud: gcp";
    public const string Cluster = """
        platform:cluster:
          region: europe-west1
          zones: [europe-west1-b, europe-west1-c, europe-west1-d]
          authorizedNetworks: [203.0.113.0/24]
        """;

    /// <summary>An EKS cluster entry over three zones, with the admin every aws stack must list.</summary>
    public const string AwsCluster = """
        platform:cluster:
          region: eu-west-1
          zones: [eu-west-1a, eu-west-1b, eu-west-1c]
          authorizedNetworks: [203.0.113.0/24]
          admins: ["arn:aws:iam::123456789012:role/platform-deployer"]
        """;

    /// <summary>A stack file whose config holds the given top-level entries (each may span lines).</summary>
    public static string Config(params string[] entries)
    {
        var lines = entries.SelectMany(e => e.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'));
        return "config:\n" + string.Concat(lines.Select(l => l.Length == 0 ? "\n" : $"  {l}\n"));
    }

    /// <summary>A valid GCP staging stack with extra entries.</summary>
    public static string GcpStaging(params string[] extra) => Config([Project, Gcp, Cluster, .. extra]);

    public static PlanResult Plan(string yaml, string stack = "staging")
    {
        var diagnostics = new DiagnosticBag();
        var raw = StackFileReader.Parse(yaml, stack, diagnostics);
        return diagnostics.HasErrors ? new PlanResult(null, diagnostics.Items, diagnostics.Warnings) : Planner.Plan(raw, diagnostics);
    }

    public static PlatformPlan Valid(string yaml, string stack = "staging")
    {
        var result = Plan(yaml, stack);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Plan!;
    }

    public static IReadOnlyList<string> Errors(string yaml, string stack = "staging")
    {
        var result = Plan(yaml, stack);
        Assert.False(result.Succeeded, "expected configuration errors, got a plan");
        return result.Errors.Select(e => e.ToString()).ToList();
    }

    /// <summary>Asserts the config is rejected with exactly this message among its errors.</summary>
    public static void Rejects(string yaml, string expected, string stack = "staging")
    {
        var errors = Errors(yaml, stack);
        Assert.True(errors.Contains(expected), $"expected:\n  {expected}\ngot:\n  {string.Join("\n  ", errors)}");
    }
}
