using System.Text.Json;

namespace MediaVault.WebApi.Contracts;

/// <summary>
/// One line of an asset's activity log. <c>actorId</c> is null when an anonymous link holder acted; <c>details</c> is
/// a JSON object whose members depend on <c>action</c> (e.g. <c>grantId</c>, <c>granteeId</c>, <c>role</c>).
/// </summary>
public sealed record ActivityEntryResponse(Guid Id, DateTimeOffset At, Guid? ActorId, string Action, JsonElement Details);
