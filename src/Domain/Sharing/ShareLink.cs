using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Common;
using MediaVault.Domain.Sharing.Rules;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Sharing;

/// <summary>
/// A public link to one ready asset: anyone holding its token may see the asset's name and download it, unless the
/// link is revoked, past its expiry, out of downloads, or asks for a password the holder does not give.
/// The token itself is never kept: only its hash.
/// </summary>
public sealed class ShareLink : AggregateRoot<LinkId>
{
    private ShareLink()
    {
    }

    public AssetId AssetId { get; private set; }

    public string TokenHash { get; private set; } = string.Empty;

    public string? PasswordHash { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public int? MaxDownloads { get; private set; }

    public int DownloadCount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public UserId CreatedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Wrong passwords given since <see cref="PasswordFailuresSince"/>; counted by the store in one statement.</summary>
    public int PasswordFailureCount { get; private set; }

    /// <summary>When the current window of wrong passwords began.</summary>
    public DateTimeOffset? PasswordFailuresSince { get; private set; }

    /// <summary>How many wrong passwords one link takes within <see cref="PasswordFailureWindow"/> before it refuses every attempt.</summary>
    public const int MaxPasswordFailures = 10;

    public static readonly TimeSpan PasswordFailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// When a link that took <see cref="MaxPasswordFailures"/> wrong passwords within the window accepts attempts again,
    /// or <c>null</c> when it accepts them now (the right password included: a guesser learns nothing from a hit).
    /// </summary>
    public DateTimeOffset? PasswordAttemptsRefusedUntil(DateTimeOffset now) =>
        PasswordFailuresSince is { } since && PasswordFailureCount >= MaxPasswordFailures && since + PasswordFailureWindow > now
            ? since + PasswordFailureWindow
            : null;

    public bool HasPassword => PasswordHash is not null;

    public bool IsUsableAt(DateTimeOffset now) =>
        RevokedAt is null
        && (ExpiresAt is null || ExpiresAt > now)
        && (MaxDownloads is null || DownloadCount < MaxDownloads);

    public static ShareLink Create(
        Asset asset, UserId actor, Capabilities caller, string tokenHash, string? passwordHash, DateTimeOffset? expiresAt, int? maxDownloads, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        CheckRule(new OnlyOwnerOrManagerCanShare(caller));
        CheckRule(new LinkRequiresReadyAsset(asset.Status));
        CheckRule(new LinkExpiryMustBeInFuture(expiresAt, now));
        CheckRule(new LinkDownloadLimitMustBePositive(maxDownloads));
        var link = new ShareLink
        {
            Id = LinkId.New(),
            AssetId = asset.Id,
            TokenHash = tokenHash,
            PasswordHash = passwordHash,
            ExpiresAt = expiresAt?.ToUniversalTime(),
            MaxDownloads = maxDownloads,
            CreatedAt = now,
            CreatedBy = actor,
        };
        link.Raise(new LinkCreated(asset.Id, actor, link.Id, link.ExpiresAt, link.HasPassword, maxDownloads, now));
        return link;
    }

    /// <summary>
    /// Counts one wrong password: a new window of failures begins when the last one has passed. The store counts the
    /// same way in one statement, so concurrent failures are never lost (ADR-055).
    /// </summary>
    public void RecordWrongPassword(DateTimeOffset now)
    {
        if (PasswordFailuresSince is { } since && since > now - PasswordFailureWindow)
        {
            PasswordFailureCount++;
            return;
        }

        PasswordFailuresSince = now;
        PasswordFailureCount = 1;
    }

    /// <summary>Counts one download through the link. The database applies the same limit atomically.</summary>
    public void RecordDownload(DateTimeOffset now) => RecordDownload(now, DownloadCount + 1);

    /// <summary>
    /// Records one download that the store has already counted atomically (only while the link was usable, so that two
    /// holders racing for the last download cannot both win). <paramref name="countInStore"/> is the link's count there,
    /// this download included; other holders may have downloaded since this copy was read, so it is the one recorded.
    /// </summary>
    public void RecordDownload(DateTimeOffset now, int countInStore)
    {
        CheckRule(new LinkMustBeUsable(this, now));
        CheckRule(new CountedDownloadMustStayWithinLimit(DownloadCount, countInStore, MaxDownloads));
        DownloadCount = countInStore;
        Raise(new LinkDownloaded(AssetId, null, Id, DownloadCount, now));
    }

    public void Revoke(UserId actor, Capabilities caller, DateTimeOffset now)
    {
        CheckRule(new OnlyOwnerOrManagerCanShare(caller));
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        Raise(new LinkRevoked(AssetId, actor, Id, now));
    }
}
