namespace Platform.Stacks.Model;

/// <summary>Where alerts go (<c>platform:alerting</c>).</summary>
/// <param name="Receivers">Receivers by name, each with its kind; their URLs and keys are secret config.</param>
/// <param name="Critical">The receiver of critical (paging) alerts that no team route takes; null to drop them.</param>
/// <param name="Warning">The receiver of warnings that no team route takes; null to drop them.</param>
/// <param name="Teams">Per tenant, the receivers of the alerts labelled with that team.</param>
public sealed record AlertingSpec(
    IReadOnlyList<ReceiverSpec> Receivers,
    string? Critical,
    string? Warning,
    IReadOnlyList<TeamRouteSpec> Teams);

/// <summary>One alert receiver.</summary>
/// <param name="Name">Its name; also the key of its secret in <c>platform:receiverSecrets</c>.</param>
/// <param name="Kind">pagerduty, slack or webhook.</param>
/// <param name="Channel">slack: the channel to post to. Null otherwise.</param>
/// <param name="Url">
/// webhook: the endpoint, which is not secret; its bearer token is. Null otherwise (a Slack webhook URL and a
/// PagerDuty routing key are the secrets themselves).
/// </param>
public sealed record ReceiverSpec(string Name, string Kind, string? Channel, string? Url = null);

/// <summary>The receivers of one team's alerts (<c>platform:alerting.teams.&lt;tenant&gt;</c>).</summary>
/// <param name="Team">The tenant.</param>
/// <param name="Critical">Receiver of the team's critical alerts; null to use the default.</param>
/// <param name="Warning">Receiver of the team's warnings; null to use the default.</param>
public sealed record TeamRouteSpec(string Team, string? Critical, string? Warning);
