namespace Platform.Stacks.Model;

/// <summary>The switch and settings of one add-on (<c>platform:addons.&lt;name&gt;</c>).</summary>
/// <param name="Name">The add-on's catalog name.</param>
/// <param name="Enabled">Whether it is installed. Default per profile.</param>
/// <param name="HighAvailability">Whether it runs replicated with disruption budgets. Default: true in prod.</param>
public sealed record AddonSpec(string Name, bool Enabled, bool HighAvailability);
