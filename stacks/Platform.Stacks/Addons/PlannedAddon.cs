using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// An add-on whose values are not written yet: planned and rendered for review, never installed, so Helm is never
/// handed values that would not work. Until its file says what its pods request, the capacity check counts the
/// estimates given here.
/// </summary>
public abstract class PlannedAddon : AddonDefinition
{
    /// <inheritdoc />
    public sealed override bool Installed => false;

    /// <summary>Estimated requests of all its pods in single-instance mode; zero for none.</summary>
    protected virtual Resources Estimate => Resources.Zero;

    /// <summary>Estimated requests of all its pods in HA mode.</summary>
    protected virtual Resources EstimateHa => Estimate;

    /// <summary>Estimated requests of its pods on every node; zero for none.</summary>
    protected virtual Resources EstimatePerNode => Resources.Zero;

    /// <inheritdoc />
    public sealed override IReadOnlyList<Workload> Workloads(AddonContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workloads = new List<Workload>();
        var estimate = context.HighAvailability ? EstimateHa : Estimate;
        if (estimate != Resources.Zero)
        {
            workloads.Add(new Workload("estimate", 1, estimate));
        }

        if (EstimatePerNode != Resources.Zero)
        {
            workloads.Add(new Workload("estimate per node", 1, EstimatePerNode, OnEveryNode: true));
        }

        return workloads;
    }
}
