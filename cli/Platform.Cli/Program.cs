using Platform.Cli;
using Platform.Delivery;

var projectDir = PulumiCli.ProjectDir(Directory.GetCurrentDirectory());
var unavailable = PulumiCli.Find(Environment.GetEnvironmentVariable("PATH")) is null
    ? "this command needs the Pulumi CLI, which is not on PATH; install it (https://www.pulumi.com/docs/install/) and log in to a backend"
    : projectDir is null
        ? "no Pulumi.yaml in this folder or above it; run the command inside the platform repository"
        : null;
using var workspace = new AutomationWorkspace(projectDir ?? Directory.GetCurrentDirectory());
using var cancel = new CancellationTokenSource();
var context = new PlatformCommand.Context(
    projectDir ?? Directory.GetCurrentDirectory(),
    unavailable,
    () => workspace,
    TimeProvider.System,
    Environment.GetEnvironmentVariable("PLATFORM_OWNER") ?? Environment.UserName);
return await PlatformCommand.RunAsync(args, context, Console.Out, Console.Error, cancel.Token);
