using Platform.Stacks.Addons;

namespace Platform.Stacks.Clusters;

/// <summary>
/// The Cluster Autoscaler of an EKS cluster: it finds the managed node groups by the tags EKS puts on their
/// Auto Scaling groups and moves each between its planned minimum and maximum.
/// </summary>
/// <param name="Release">The pinned Helm release and its values.</param>
/// <param name="Identity">Its IAM role: read the groups anywhere, resize only this cluster's groups.</param>
public sealed record ClusterAutoscalerPlan(HelmReleasePlan Release, PodIdentityRolePlan Identity);
