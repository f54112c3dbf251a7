using Platform.Infra;
using Pulumi;

return await Deployment.RunAsync(PlatformProgram.Run).ConfigureAwait(false);
