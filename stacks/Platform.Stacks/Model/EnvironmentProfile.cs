namespace Platform.Stacks.Model;

/// <summary>The environment profile, which supplies defaults (<c>platform:environment</c>).</summary>
public enum EnvironmentProfile
{
    /// <summary>Short-lived developer stacks: small, cheap, spot, with an expiry.</summary>
    Dev,

    /// <summary>Pre-production: production's shape at a smaller size.</summary>
    Staging,

    /// <summary>Production: three or more zones, deletion protection, HA add-ons, no spot system pool.</summary>
    Prod,
}
