using BenchmarkDotNet.Attributes;

namespace Platform.Benchmarks;

/// <summary>The same pipeline on synthetic prod stacks with growing tenant counts, to show the growth is linear.</summary>
[MemoryDiagnoser]
public class TenantScalingBenchmarks
{
    private string _stack = string.Empty;

    /// <summary>Tenants in the synthetic stack, each with a quota, one service and one SLO.</summary>
    [Params(100, 250, 500)]
    public int Tenants { get; set; }

    [GlobalSetup]
    public void Setup() => _stack = PlanBenchmarks.SyntheticStack(Tenants);

    [Benchmark(Description = "synthetic stack")]
    public int SyntheticTenants() => PlanBenchmarks.PlanAndRender(_stack);
}
