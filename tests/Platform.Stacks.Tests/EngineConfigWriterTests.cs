using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Rendering;

namespace Platform.Stacks.Tests;

/// <summary>Config written in the engine's form reads back to the same plan.</summary>
public class EngineConfigWriterTests
{
    [Theory]
    [InlineData(".", "staging")]
    [InlineData(".", "prod")]
    [InlineData("examples", "aws-prod")]
    [InlineData("examples", "local")]
    public void AStackFileWrittenForTheEnginePlansTheSame(string dir, string stack)
    {
        var folder = Path.Combine(Repo.Root, dir);
        var raw = StackFileReader.ReadFile(StackFileReader.PathFor(folder, stack), stack, new DiagnosticBag());

        var written = EngineConfigWriter.Json(EngineConfigWriter.Write(raw));
        var plan = Planner.Plan(EngineConfigReader.Parse(stack, written)).Plan!;

        Assert.Equal(PlanJson.Write(Planner.PlanStackFile(folder, stack).Plan!), PlanJson.Write(plan));
    }

    [Fact]
    public void ASecretCannotBeCopied()
    {
        var raw = StackFileReader.Parse("config:\n  platform:dns:\n    acmeEmail:\n      secure: AAAA\n", "dev-x", new DiagnosticBag());

        var error = Assert.Throws<InvalidOperationException>(() => EngineConfigWriter.Write(raw));
        Assert.Contains("platform:dns.acmeEmail is a secret", error.Message, StringComparison.Ordinal);
    }
}
