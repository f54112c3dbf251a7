namespace Platform.Stacks.Addons;

/// <summary>How one catalog add-on is delivered in this stack.</summary>
/// <param name="Name">Catalog name.</param>
/// <param name="Mode">helm (installed by the program), managed (the cloud provides it) or disabled.</param>
/// <param name="HighAvailability">Whether it runs replicated.</param>
/// <param name="Release">The Helm release when <paramref name="Mode"/> is helm.</param>
public sealed record AddonPlan(string Name, string Mode, bool HighAvailability, HelmReleasePlan? Release);
