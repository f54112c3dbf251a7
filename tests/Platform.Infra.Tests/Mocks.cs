using System.Collections.Immutable;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace Platform.Infra.Tests;

/// <summary>The one engine mock every Pulumi test shares: it echoes a resource's inputs back as its outputs.</summary>
internal static class Mocks
{
    public static IMocks Echo()
    {
        var mocks = new Mock<IMocks>(MockBehavior.Strict);
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>()))
            .ReturnsAsync((MockResourceArgs args) => ($"{args.Name}-id", (object)args.Inputs));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>()))
            .ReturnsAsync((MockCallArgs args) => (object)args.Args);
        mocks.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>()))
            .Returns(Task.CompletedTask);
        return mocks.Object;
    }

    /// <summary>Runs the program body against <paramref name="engineConfigJson"/> as the stack's config.</summary>
    public static Task<(ImmutableArray<Resource> Resources, IDictionary<string, object?> Outputs)> RunAsync(
        string stack, string engineConfigJson)
    {
        Environment.SetEnvironmentVariable(EngineConfig.Variable, engineConfigJson);
        return Deployment.TestAsync(
            Echo(),
            new TestOptions { IsPreview = false, ProjectName = "platform", StackName = stack },
            PlatformProgram.Run);
    }
}
