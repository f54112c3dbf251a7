using System.Text.Json.Nodes;
using Platform.Stacks.Diagnostics;
using Platform.Stacks.Model;

namespace Platform.Stacks.Addons;

/// <summary>
/// One add-on, in one file: its chart pin, namespace and dependencies, its values per profile and cloud, the
/// Kubernetes objects it owns, and the pods it runs. Adding an add-on is a new subclass and a line in
/// <see cref="AddonCatalog"/>; nothing else switches on add-on names.
/// </summary>
public abstract class AddonDefinition
{
    /// <summary>Profiles where every add-on is on unless config says otherwise.</summary>
    protected static readonly IReadOnlyList<EnvironmentProfile> Everywhere = [EnvironmentProfile.Dev, EnvironmentProfile.Staging, EnvironmentProfile.Prod];

    /// <summary>Staging and prod only.</summary>
    protected static readonly IReadOnlyList<EnvironmentProfile> SharedOnly = [EnvironmentProfile.Staging, EnvironmentProfile.Prod];

    /// <summary>Config key under <c>platform:addons</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Helm release name of the main chart.</summary>
    public abstract string Release { get; }

    /// <summary>Namespace it is installed into.</summary>
    public abstract string Namespace { get; }

    /// <summary>The main chart, pinned.</summary>
    public abstract ChartRef Chart { get; }

    /// <summary>Add-ons that must be installed first (CRD producers, for example).</summary>
    public virtual IReadOnlyList<string> DependsOn => [];

    /// <summary>Add-ons installed first when they are installed at all; unlike <see cref="DependsOn"/>, not required.</summary>
    public virtual IReadOnlyList<string> After => [];

    /// <summary>Profiles in which it is on unless config says otherwise.</summary>
    public virtual IReadOnlyList<EnvironmentProfile> DefaultIn => Everywhere;

    /// <summary>
    /// Whether it may run privileged or host-level pods: only the CNI and node agents may. The plan's guardrails
    /// refuse a host-level workload of any other add-on.
    /// </summary>
    public virtual bool RunsOnHosts => false;

    /// <summary>
    /// The host label of its web UI, served through the shared Gateway at <c>&lt;label&gt;.&lt;dns.domain&gt;</c> on a
    /// listener of its own; null when it has none.
    /// </summary>
    public virtual string? UiHost => null;

    /// <summary>Whether it is on by default for a profile and cloud.</summary>
    public virtual bool EnabledByDefault(EnvironmentProfile profile, CloudKind cloud) => DefaultIn.Contains(profile);

    /// <summary>
    /// How the add-on is delivered when enabled: <c>helm</c>; <c>managed</c> where the cloud provides it; or
    /// <c>disabled</c> where it has nothing to do in this stack (external-dns without a cloud DNS zone, say).
    /// </summary>
    public virtual string Delivery(AddonContext context) => "helm";

    /// <summary>Reports config that this add-on cannot work with.</summary>
    public virtual void Validate(AddonContext context, DiagnosticBag diagnostics)
    {
    }

    /// <summary>The values handed to the main chart; every key exists in the pinned chart.</summary>
    public virtual JsonObject Values(AddonContext context) => [];

    /// <summary>
    /// The Helm releases, in install order: the main chart last, after any it needs (a CRD chart, for example).
    /// </summary>
    public virtual IReadOnlyList<HelmReleasePlan> Releases(AddonContext context, IReadOnlyList<string> dependsOn)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [new HelmReleasePlan(Release, Name, Namespace, Chart, dependsOn, Values(context))];
    }

    /// <summary>Kubernetes objects the add-on owns, applied after its releases (issuers, gateways, policies).</summary>
    public virtual IReadOnlyList<JsonObject> Objects(AddonContext context) => [];

    /// <summary>Its cloud identity (no static keys), or null when it needs no cloud access.</summary>
    public virtual Clusters.AddonIdentityPlan? Identity(AddonContext context) => null;

    /// <summary>The bucket it keeps its data in, created before its identity and releases; null for none.</summary>
    public virtual Storage.BucketPlan? Bucket(AddonContext context) => null;

    /// <summary>Grafana datasources it serves (a provisioning entry each, with a fixed uid); none by default.</summary>
    public virtual IReadOnlyList<JsonObject> Datasources(AddonContext context) => [];

    /// <summary>Secrets the program fills from secret config before the releases start (see <see cref="ConfigSecretPlan"/>).</summary>
    public virtual IReadOnlyList<ConfigSecretPlan> Secrets(AddonContext context) => [];

    /// <summary>The pods it runs, with the requests its values set.</summary>
    public abstract IReadOnlyList<Workload> Workloads(AddonContext context);
}
