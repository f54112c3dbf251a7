using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Rendering;

namespace Platform.Stacks.Tests;

/// <summary>
/// The program reads config from the engine (a JSON object whose structured values are JSON text);
/// the render reads the stack file. Both must produce the same plan.
/// </summary>
public class EngineConfigTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("prod")]
    public void EngineConfigAndStackFileProduceTheSamePlan(string stack)
    {
        var fromFile = Planner.PlanStackFile(Repo.Root, stack);
        var engineJson = EngineConfigJson.FromStackFile(File.ReadAllText(Path.Combine(Repo.Root, $"Pulumi.{stack}.yaml")));
        var fromEngine = Planner.Plan(EngineConfigReader.Parse(stack, engineJson));

        Assert.True(fromEngine.Succeeded, string.Join("\n", fromEngine.Errors));
        Assert.Equal(Renderer.Render(fromFile.Plan!), Renderer.Render(fromEngine.Plan!));
    }

    [Fact]
    public void EngineConfigTypoIsReportedLikeInTheStackFile()
    {
        var raw = EngineConfigReader.Parse("staging", """{"platform:cloud":"existing","platform:cluster":"{\"context\":\"kind\",\"zone\":\"x\"}"}""");

        var result = Planner.Plan(raw);

        Assert.Contains(result.Errors, e => e.ToString().StartsWith("platform:cluster.zone: is not a known key; did you mean 'zones'?", StringComparison.Ordinal));
    }

    [Fact]
    public void TopLevelNumbersArriveAsStringsAndStillBind()
    {
        var raw = EngineConfigReader.Parse("staging", """{"platform:cluster":"{\"context\":\"kind\"}","platform:tenants":"{\"a\":{\"quota\":{\"cpu\":2,\"memory\":\"4Gi\",\"pods\":20}}}"}""");

        var result = Planner.Plan(raw, new DiagnosticBag());

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(20, result.Plan!.Spec.Tenants.Single().Quota.Pods);
    }

    [Fact]
    public void KeysTheEngineMarksSecretAreUnreadableToThePlanAsInTheRender()
    {
        const string Config = """{"platform:cluster":"{\"context\":\"kind\"}","platform:owner":"team-a","platform:receiverSecrets":"{\"oncall\":\"routing-key\"}"}""";

        var raw = EngineConfigReader.Parse("staging", Config, """["platform:receiverSecrets","platform:owner"]""");

        Assert.IsType<ConfigSecret>(raw.Get("platform:receiverSecrets"));
        Assert.IsType<ConfigSecret>(raw.Get("platform:owner"));
        Assert.IsType<ConfigMapping>(raw.Get("platform:cluster"));
        Assert.Contains(Planner.Plan(raw).Errors, e => e.ToString() == $"platform:owner: {Binding.MapReader.SecretMessage}");
    }
}
