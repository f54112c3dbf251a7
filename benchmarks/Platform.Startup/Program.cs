using System.Diagnostics;
using System.Globalization;
using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
using Platform.Tests.Pulumi;
using Pulumi;
using Pulumi.Testing;

// usage: Platform.Startup <stack> <folder holding Pulumi.<stack>.yaml>
// Prints one line: milliseconds from process start to the program's first resource registration, then to its end.
var stack = args.Length > 0 ? args[0] : "staging";
var folder = args.Length > 1 ? args[1] : Directory.GetCurrentDirectory();
var raw = StackFileReader.ReadFile(StackFileReader.PathFor(folder, stack), stack, new DiagnosticBag());
Environment.SetEnvironmentVariable("PULUMI_CONFIG", EngineConfigWriter.Json(EngineConfigWriter.Write(raw)));

var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
var mocks = new FirstRegistration(new EchoMocks().Object);
await Deployment.TestAsync(mocks, new TestOptions { IsPreview = true, ProjectName = "platform", StackName = stack }, Platform.Infra.PlatformProgram.Run);
var finished = DateTime.UtcNow;
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"first-registration-ms={(mocks.First!.Value - started).TotalMilliseconds:F0} program-end-ms={(finished - started).TotalMilliseconds:F0} resources={mocks.Count}"));

/// <summary>Passes every call to the echo mocks and notes when the first resource was registered.</summary>
internal sealed class FirstRegistration(IMocks inner) : IMocks
{
    private int _count;

    public DateTime? First { get; private set; }

    public int Count => _count;

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        if (Interlocked.Increment(ref _count) == 1)
        {
            First = DateTime.UtcNow;
        }

        return inner.NewResourceAsync(args);
    }

    public Task<object> CallAsync(MockCallArgs args) => inner.CallAsync(args);
}
