namespace MediaVault.Domain.Assets;

/// <summary>What deleting an asset came to.</summary>
public enum AssetDeletion
{
    /// <summary>A ready asset went to the trash: the row stays, hidden from everyone, until it is restored or purged.</summary>
    MovedToTrash = 0,

    /// <summary>A pending upload was given up: the caller removes its row and objects.</summary>
    Removed = 1,
}
