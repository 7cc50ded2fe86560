using MediaVault.Domain.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Owners.Events;

/// <summary>
/// A change of an owner's storage accounting, decided by the <see cref="Owner"/> from the state it was loaded with. The
/// store applies each one as a single conditional statement that repeats the rule against the row as it is at that
/// moment (ADR-053): concurrent requests never overwrite each other's counts.
/// </summary>
public interface IStorageMovement : IDomainEvent
{
    UserId OwnerId { get; }

    long Bytes { get; }
}

/// <summary>Room was set aside for an upload; applied only while used + reserved + bytes stays within the quota.</summary>
public sealed record StorageReserved(UserId OwnerId, long Bytes, DateTimeOffset OccurredAt) : IStorageMovement;

/// <summary>A completed upload's reservation became usage; applied only while the reservation covers the bytes.</summary>
public sealed record ReservationSettled(UserId OwnerId, long Bytes, DateTimeOffset OccurredAt) : IStorageMovement;

/// <summary>A pending upload's reservation was given back (deleted or abandoned); never below zero.</summary>
public sealed record ReservationReleased(UserId OwnerId, long Bytes, DateTimeOffset OccurredAt) : IStorageMovement;

/// <summary>A ready asset's bytes were given back (deleted); never below zero.</summary>
public sealed record UsageReleased(UserId OwnerId, long Bytes, DateTimeOffset OccurredAt) : IStorageMovement;
