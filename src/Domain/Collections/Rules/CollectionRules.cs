using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Common;

namespace MediaVault.Domain.Collections.Rules;

/// <summary>Only its owner and people holding an active grant on it know that a collection exists.</summary>
public sealed class OnlyGranteesSeeCollection(CollectionAccess actor) : IBusinessRule
{
    public bool IsBroken() => !actor.CanView;

    public string Message => "The collection does not exist.";
}

/// <summary>The owner, managers and editors rename a collection and add or remove its assets; a viewer does not.</summary>
public sealed class OnlyEditorsChangeCollection(CollectionAccess actor) : IBusinessRule
{
    public bool IsBroken() => !actor.CanEdit;

    public string Message => "Only the collection's owner, a manager or an editor changes the collection.";
}

/// <summary>The owner and managers grant access to a collection and manage its links.</summary>
public sealed class OnlyManagersShareCollection(CollectionAccess actor) : IBusinessRule
{
    public bool IsBroken() => !actor.CanShare;

    public string Message => "Only the collection's owner or a manager shares the collection.";
}

/// <summary>Only the owner deletes a collection.</summary>
public sealed class OnlyOwnerDeletesCollection(CollectionAccess actor) : IBusinessRule
{
    public bool IsBroken() => !actor.CanDelete;

    public string Message => "Only the collection's owner deletes the collection.";
}

/// <summary>Adding an asset passes on access to it: the one who adds must see it (else it does not exist)…</summary>
public sealed class AddedAssetMustBeVisible(Capabilities onAsset) : IBusinessRule
{
    public bool IsBroken() => !onAsset.CanView;

    public string Message => "The asset does not exist.";
}

/// <summary>…and must be able to share it (its owner or a manager of it).</summary>
public sealed class AddedAssetMustBeShareable(Capabilities onAsset) : IBusinessRule
{
    public bool IsBroken() => !onAsset.CanShare;

    public string Message => "Only the asset's owner or a manager adds it to a collection.";
}

/// <summary>A pending upload is its owner's alone: it joins a collection once it is ready.</summary>
public sealed class AddedAssetMustBeReady(AssetStatus status) : IBusinessRule
{
    public bool IsBroken() => status != AssetStatus.Ready;

    public string Message => "A pending asset is added to a collection once its upload is complete.";
}

/// <summary>Removing an asset that is not in the collection finds nothing.</summary>
public sealed class RemovedAssetMustBeInCollection(bool isInCollection) : IBusinessRule
{
    public bool IsBroken() => !isInCollection;

    public string Message => "The asset is not in this collection.";
}
