using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>Typed ids are stored as plain UUIDs; registered once, as conventions, in <see cref="MediaVaultDbContext"/>.</summary>
internal static class TypedIdConverters
{
    internal sealed class AssetIdConverter() : ValueConverter<AssetId, Guid>(id => id.Value, value => new AssetId(value));

    internal sealed class UserIdConverter() : ValueConverter<UserId, Guid>(id => id.Value, value => new UserId(value));

    internal sealed class GrantIdConverter() : ValueConverter<GrantId, Guid>(id => id.Value, value => new GrantId(value));

    internal sealed class LinkIdConverter() : ValueConverter<LinkId, Guid>(id => id.Value, value => new LinkId(value));

    internal sealed class GroupIdConverter() : ValueConverter<GroupId, Guid>(id => id.Value, value => new GroupId(value));

    internal sealed class CollectionIdConverter() : ValueConverter<CollectionId, Guid>(id => id.Value, value => new CollectionId(value));

    internal sealed class ActivityEntryIdConverter() : ValueConverter<ActivityEntryId, Guid>(id => id.Value, value => new ActivityEntryId(value));
}
