using Platform.Stacks.Addons;

namespace Platform.Stacks.Manifests;

/// <summary>
/// The namespaces of the installed add-ons, owned by the program rather than created by Helm, so that teardown is
/// ordered. Helm leaves a namespace behind on uninstall; a namespace the program owns is deleted after the releases
/// in it and before the nodes and the cluster, and the delete waits until the namespace is gone. That wait covers
/// what controllers made at run time and Helm never knew: a Gateway's LoadBalancer Service keeps its namespace until
/// the cloud has removed the load balancer, and a PersistentVolumeClaim until its disk is released. So destroying a
/// stack leaves no load balancer, disk or ENI behind, because the nodes and cluster only go after them.
/// </summary>
public static class AddonNamespaces
{
    /// <summary>Bundle order: first, before anything is installed into them.</summary>
    public const int Order = 2;

    /// <summary>The bundle's name; the program makes it wait for the nodes, so it is deleted before them.</summary>
    public const string Name = "addon-namespaces";

    /// <summary>Namespaces the cluster itself provides, which the program never owns.</summary>
    private static readonly HashSet<string> ClusterOwned = new(StringComparer.Ordinal) { "default", "kube-system", "kube-public", "kube-node-lease" };

    /// <summary>The bundle; null when no installed add-on needs a namespace of its own.</summary>
    public static ManifestBundle? Build(IReadOnlyList<AddonPlan> addons)
    {
        ArgumentNullException.ThrowIfNull(addons);
        var namespaces = Namespaces(addons);
        return namespaces.Count == 0
            ? null
            : new ManifestBundle(Order, Name, [], [.. namespaces.Select(ns => Kube.Object("v1", "Namespace", ns, labels: Kube.ManagedLabels()))]);
    }

    /// <summary>Every namespace an installed release goes into, but the cluster's own, sorted.</summary>
    public static IReadOnlyList<string> Namespaces(IReadOnlyList<AddonPlan> addons)
    {
        ArgumentNullException.ThrowIfNull(addons);
        return [.. addons
            .Where(a => a.Installed)
            .SelectMany(a => a.Releases)
            .Select(r => r.Namespace)
            .Where(ns => !ClusterOwned.Contains(ns))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }
}
