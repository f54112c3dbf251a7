using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Platform.Stacks;
using Platform.Stacks.Config;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Rendering;

namespace Platform.Benchmarks;

/// <summary>
/// The whole offline pipeline from stack-file text to rendered files, in memory: parse, bind, validate,
/// plan and render. Disk I/O is left out so the figures measure the planner, not the file system.
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private string _prod = string.Empty;

    [GlobalSetup]
    public void Setup() => _prod = File.ReadAllText(Path.Combine(RepoRoot(), "Pulumi.prod.yaml"));

    [Benchmark(Description = "prod stack")]
    public int ProdStack() => PlanAndRender(_prod);

    /// <summary>Runs the pipeline and returns the rendered size, so nothing is optimised away.</summary>
    public static int PlanAndRender(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var raw = StackFileReader.Parse(yaml, "prod", diagnostics);
        var result = Planner.Plan(raw, diagnostics);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", result.Errors));
        }

        return Renderer.Render(result.Plan!).Sum(f => f.Value.Length);
    }

    /// <summary>A prod GKE stack with <paramref name="tenants"/> tenants, each with a quota, a service and an SLO.</summary>
    public static string SyntheticStack(int tenants)
    {
        var builder = new StringBuilder("""
            config:
              gcp:project: acme-platform-prod
              platform:cloud: gcp
              platform:cluster:
                region: europe-west1
                zones: [europe-west1-b, europe-west1-c, europe-west1-d]
                authorizedNetworks: [203.0.113.0/24]
              platform:nodePools:
                general: { machineType: n2-standard-32, minNodes: 2, maxNodes: 20 }
              platform:tenants:

            """);
        for (var i = 0; i < tenants; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"    team-{i:000}:\n");
            builder.Append(CultureInfo.InvariantCulture, $"      group: team-{i:000}@example.com\n");
            builder.Append("      quota: { cpu: \"2\", memory: 4Gi, pods: 20 }\n");
            builder.Append("      services:\n");
            builder.Append("        api: { peakQps: 200, qpsPerPod: 100, redundancy: 1.5, requests: { cpu: 250m, memory: 256Mi } }\n");
        }

        builder.Append("  platform:slos:\n");
        for (var i = 0; i < tenants; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"    team-{i:000}-api: {{ tenant: team-{i:000}, service: api, objective: 99.9 }}\n");
        }

        return builder.ToString();
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Infra.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
