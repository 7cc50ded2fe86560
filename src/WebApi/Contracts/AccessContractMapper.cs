using MediaVault.Application.Access.CheckAccess;
using MediaVault.Application.Access.ExplainAccess;
using Riok.Mapperly.Abstractions;

namespace MediaVault.WebApi.Contracts;

/// <summary>Access explanations and batch checks to the HTTP contract's records; enums map by name.</summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
public static partial class AccessContractMapper
{
    public static partial AccessPathResponse ToResponse(this AccessPathDto path);

    public static partial AssetAccessResponse ToResponse(this AssetAccessDto item);

    public static AccessExplanationResponse ToResponse(this AccessExplanationDto explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        var access = explanation.Access;
        return new AccessExplanationResponse(
            explanation.UserId,
            access.Role is { } role ? MapRole(role) : null,
            access.CanView,
            access.CanDownload,
            access.CanEdit,
            access.CanShare,
            access.CanDelete,
            [.. explanation.Paths.Select(ToResponse)]);
    }

    private static partial AccessRole MapRole(Domain.Access.AccessRole role);
}
