using Platform.Stacks.Model;

namespace Platform.Stacks.Tests;

public class ProfileDefaultTests
{
    private static PlatformPlan Prod(params string[] extra) => Stacks.Valid(
        Stacks.Config(["gcp:project: acme-platform-prod", Stacks.Gcp, Stacks.Cluster, .. extra]),
        "prod");

    [Fact]
    public void ProdProfileTurnsOnDeletionProtectionHaAndStableChannel()
    {
        var plan = Prod();

        Assert.True(plan.Spec.Cluster.DeletionProtection);
        Assert.Equal("STABLE", plan.Spec.Cluster.ReleaseChannel);
        Assert.All(plan.Spec.Addons, a => Assert.True(a.HighAvailability));
        Assert.Equal("profile:prod", plan.Spec.Sources["platform:cluster.releaseChannel"]);
    }

    [Fact]
    public void ProdProfileEnablesAllFourPoolsWithOnDemandSystemAndSpotCompute()
    {
        var pools = Prod().NodePools.ToDictionary(p => p.Role);

        Assert.Equal([NodePoolRole.System, NodePoolRole.General, NodePoolRole.Compute, NodePoolRole.Stateful], pools.Keys);
        Assert.False(pools[NodePoolRole.System].Spot);
        Assert.True(pools[NodePoolRole.Compute].Spot);
        Assert.Equal("SPOT", pools[NodePoolRole.Compute].CapacityType);
        Assert.Equal("ON_DEMAND", pools[NodePoolRole.General].CapacityType);
    }

    [Fact]
    public void StagingProfileIsNotDeletionProtectedAndRunsSingleInstanceAddons()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging());

        Assert.False(plan.Spec.Cluster.DeletionProtection);
        Assert.Equal("REGULAR", plan.Spec.Cluster.ReleaseChannel);
        Assert.All(plan.Spec.Addons, a => Assert.False(a.HighAvailability));
    }

    [Fact]
    public void DevProfileRunsSpotSystemAndGeneralPoolsOnly()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging("platform:expiresAt: 2026-12-31"), "dev-alice");

        Assert.Equal(EnvironmentProfile.Dev, plan.Spec.Environment);
        Assert.Equal("stack name", plan.Spec.Sources["platform:environment"]);
        Assert.Equal([NodePoolRole.System, NodePoolRole.General], plan.NodePools.Select(p => p.Role));
        Assert.All(plan.NodePools, p => Assert.True(p.Spot));
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 0, 0, 0, TimeSpan.Zero), plan.Spec.ExpiresAt);
        Assert.False(plan.Spec.IsEnabled("mimir"));
    }

    [Fact]
    public void APullRequestStackIsADevStack()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging("platform:expiresAt: 2026-12-31"), "pr-42");

        Assert.Equal(EnvironmentProfile.Dev, plan.Spec.Environment);
        Assert.Equal("stack name", plan.Spec.Sources["platform:environment"]);
    }

    [Fact]
    public void ExplicitConfigWinsOverTheProfileAndIsRecordedAsConfig()
    {
        var plan = Prod(
            "platform:nodePools:\n  general: { machineType: n2-standard-16, minNodes: 3, maxNodes: 12 }",
            "platform:addons:\n  grafana: { ha: false }");
        var general = plan.NodePools.Single(p => p.Role == NodePoolRole.General);

        Assert.Equal("n2-standard-16", general.MachineType);
        Assert.Equal(3, general.MinPerZone);
        Assert.Equal(12, general.MaxPerZone);
        Assert.Equal("config", plan.Spec.Sources["platform:nodePools.general.machineType"]);
        Assert.Equal("profile:prod", plan.Spec.Sources["platform:nodePools.general.spot"]);
        Assert.False(plan.Spec.Addons.Single(a => a.Name == "grafana").HighAvailability);
        Assert.Equal("config", plan.Spec.Sources["platform:addons.grafana.ha"]);
    }

    [Fact]
    public void ExplicitReleaseChannelWinsInProd()
    {
        var plan = Stacks.Valid(
            Stacks.Config("gcp:project: acme-platform-prod", Stacks.Gcp, Stacks.Cluster + "\n  releaseChannel: regular"),
            "prod");

        Assert.Equal("REGULAR", plan.Spec.Cluster.ReleaseChannel);
        Assert.Equal("config", plan.Spec.Sources["platform:cluster.releaseChannel"]);
    }

    [Fact]
    public void ClusterNameDefaultsToTheStackName()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging());

        Assert.Equal("staging", plan.Spec.Cluster.Name);
        Assert.Equal("stack name", plan.Spec.Sources["platform:cluster.name"]);
        Assert.Equal(["staging-system", "staging-general", "staging-compute", "staging-stateful"], plan.NodePools.Select(p => p.ResourceName));
        Assert.All(plan.NodePools, p => Assert.Matches($"^{p.ResourceName}-[0-9a-f]{{6}}$", p.Name));
    }

    [Fact]
    public void CloudDefaultsToAnExistingClusterWhoseCniIsLeftAlone()
    {
        var plan = Stacks.Valid(Stacks.Config("platform:cluster: { context: kind-platform }"));

        Assert.Equal(CloudKind.Existing, plan.Spec.Cloud);
        Assert.Equal("default", plan.Spec.Sources["platform:cloud"]);
        // Calico would be a second CNI on a cluster that has one: it is opted into, not defaulted.
        Assert.Equal("disabled", plan.Addons.Single(a => a.Name == "calico").Mode);
    }

    [Fact]
    public void GkeUsesItsManagedCalicoInsteadOfTheOperatorChart()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging());

        var calico = plan.Addons.Single(a => a.Name == "calico");
        Assert.Equal("managed", calico.Mode);
        Assert.Null(calico.Release);
    }

    [Fact]
    public void RoleTaintsKeepTenantsOffSystemComputeAndStatefulPools()
    {
        var pools = Prod().NodePools.ToDictionary(p => p.Role, p => string.Join(",", p.Taints));

        Assert.Equal("CriticalAddonsOnly=true:NoSchedule", pools[NodePoolRole.System]);
        Assert.Equal(string.Empty, pools[NodePoolRole.General]);
        Assert.Equal("platform/pool=compute:NoSchedule", pools[NodePoolRole.Compute]);
        Assert.Equal("platform/pool=stateful:NoSchedule", pools[NodePoolRole.Stateful]);
    }

    [Fact]
    public void TenantWithoutQuotaGetsTheProfileQuota()
    {
        var plan = Stacks.Valid(Stacks.GcpStaging("platform:tenants:\n  payments: { quota: { cpu: \"6\" } }"));
        var tenant = plan.Spec.Tenants.Single();

        Assert.Equal("6", tenant.Quota.Cpu.Text);
        Assert.Equal("16Gi", tenant.Quota.Memory.Text);
        Assert.Equal(100, tenant.Quota.Pods);
        Assert.Equal("profile:staging", plan.Spec.Sources["platform:tenants.payments.quota.memory"]);
    }

    [Fact]
    public void BumpingAPoolsGenerationGivesOnlyThatPoolANewCloudNameAndKeepsItsResourceName()
    {
        var before = Stacks.Valid(Stacks.GcpStaging()).NodePools;
        var after = Stacks.Valid(Stacks.GcpStaging("platform:nodePools:\n  general: { generation: 2 }")).NodePools;

        Assert.Equal(before.Select(p => p.ResourceName), after.Select(p => p.ResourceName));
        Assert.Equal(
            [true, false, true, true],
            before.Zip(after, (b, a) => b.Name == a.Name));
    }
}
