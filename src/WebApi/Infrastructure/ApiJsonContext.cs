using System.Text.Json;
using System.Text.Json.Serialization;
using MediaVault.WebApi.Contracts;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Serialization code generated at build time for the API's request and response records (System.Text.Json source
/// generation), first in the <c>TypeInfoResolverChain</c> of the API's JSON options: no reflection to build their
/// metadata, and the fast path writes them. Names and enums still follow the runtime options (camelCase, enums as
/// camelCase strings); a type missing here falls back to the reflection resolver behind it, so forgetting one costs
/// speed, never correctness.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ActivityEntryResponse))]
[JsonSerializable(typeof(AdminUserResponse))]
[JsonSerializable(typeof(MediaResponse))]
[JsonSerializable(typeof(RenditionResponse))]
[JsonSerializable(typeof(AccessResponse))]
[JsonSerializable(typeof(AssetResponse))]
[JsonSerializable(typeof(CreateAssetRequest))]
[JsonSerializable(typeof(UploadPartResponse))]
[JsonSerializable(typeof(UploadResponse))]
[JsonSerializable(typeof(CreateAssetResponse))]
[JsonSerializable(typeof(CompletedPartRequest))]
[JsonSerializable(typeof(CompleteUploadRequest))]
[JsonSerializable(typeof(UpdateAssetRequest))]
[JsonSerializable(typeof(DownloadResponse))]
[JsonSerializable(typeof(FindDuplicatesRequest))]
[JsonSerializable(typeof(DuplicateResponse))]
[JsonSerializable(typeof(DuplicatesResponse))]
[JsonSerializable(typeof(RegisterRequest))]
[JsonSerializable(typeof(VerifyEmailRequest))]
[JsonSerializable(typeof(ResendVerificationRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(RefreshRequest))]
[JsonSerializable(typeof(LogoutRequest))]
[JsonSerializable(typeof(ForgotPasswordRequest))]
[JsonSerializable(typeof(ResetPasswordRequest))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(EmailVerifiedResponse))]
[JsonSerializable(typeof(CreateGroupRequest))]
[JsonSerializable(typeof(UpdateGroupRequest))]
[JsonSerializable(typeof(GroupResponse))]
[JsonSerializable(typeof(AddGroupMemberRequest))]
[JsonSerializable(typeof(ChangeGroupMemberRequest))]
[JsonSerializable(typeof(GroupMemberResponse))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(CreateGrantRequest))]
[JsonSerializable(typeof(GranteeResponse))]
[JsonSerializable(typeof(GrantResponse))]
[JsonSerializable(typeof(CreateLinkRequest))]
[JsonSerializable(typeof(CreatedLinkResponse))]
[JsonSerializable(typeof(LinkResponse))]
[JsonSerializable(typeof(PublicAssetResponse))]
[JsonSerializable(typeof(PublicLinkResponse))]
[JsonSerializable(typeof(PublicDownloadRequest))]
[JsonSerializable(typeof(PublicCollectionResponse))]
[JsonSerializable(typeof(CreateCollectionLinkRequest))]
[JsonSerializable(typeof(CreatedCollectionLinkResponse))]
[JsonSerializable(typeof(CollectionLinkResponse))]
[JsonSerializable(typeof(PublicLinkAssetResponse))]
[JsonSerializable(typeof(ItemsResponse<CollectionLinkResponse>))]
[JsonSerializable(typeof(PageResponse<PublicLinkAssetResponse>))]
[JsonSerializable(typeof(PageResponse<ActivityEntryResponse>))]
[JsonSerializable(typeof(PageResponse<AdminUserResponse>))]
[JsonSerializable(typeof(PageResponse<AssetResponse>))]
[JsonSerializable(typeof(PageResponse<GroupMemberResponse>))]
[JsonSerializable(typeof(PageResponse<GroupResponse>))]
[JsonSerializable(typeof(ItemsResponse<GrantResponse>))]
[JsonSerializable(typeof(ItemsResponse<LinkResponse>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
