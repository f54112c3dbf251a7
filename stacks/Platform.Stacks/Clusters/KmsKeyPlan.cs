namespace Platform.Stacks.Clusters;

/// <summary>A customer-managed KMS key and who may do what with it.</summary>
/// <param name="Alias">Alias, <c>alias/&lt;cluster&gt;-secrets</c>.</param>
/// <param name="DeletionWindowDays">Days a scheduled deletion waits, during which it can be cancelled.</param>
/// <param name="Rotation">Whether AWS rotates the key material yearly.</param>
/// <param name="Administrators">Principals that may manage (not use) the key: the cluster admins.</param>
/// <param name="UserActions">What the cluster role may do with the key, nothing more.</param>
/// <param name="ExistingKeyArn">
/// A key made elsewhere (<c>platform:cluster.secretsEncryptionKey</c>) that is used instead: then no key, alias or
/// key policy is created, and that key's own policy must let the cluster role use it. Null: the cluster's own key.
/// </param>
public sealed record KmsKeyPlan(string Alias, int DeletionWindowDays, bool Rotation, IReadOnlyList<string> Administrators, IReadOnlyList<string> UserActions, string? ExistingKeyArn);
