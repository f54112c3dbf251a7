using Pulumi;

namespace Platform.Tests.Pulumi;

/// <summary>Reads the value of an output in a mock run.</summary>
internal static class Outputs
{
    public static Task<T> ValueAsync<T>(this Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        output.Apply(value =>
        {
            completion.TrySetResult(value);
            return value;
        });
        return completion.Task;
    }
}
