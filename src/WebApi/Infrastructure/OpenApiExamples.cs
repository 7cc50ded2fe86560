using System.Globalization;
using System.Text.Json;
using MediaVault.WebApi.Contracts;
using Microsoft.AspNetCore.Mvc;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// One realistic example per request and response type, keyed by the type whose schema it illustrates, and one problem
/// per status. <see cref="ExamplesOperationProcessor"/> attaches them to the OpenAPI document; the linters check that
/// each one is valid against its schema. A type missing here gets a sample generated from its schema.
/// </summary>
internal static class OpenApiExamples
{
    private static readonly Guid AssetId = Guid.Parse("0193a5c0-7e21-7c4d-9f5e-2b8c1d0e4a11");
    private static readonly Guid OwnerId = Guid.Parse("0193a5b8-11aa-7b3c-8d2e-5f6a7b8c9d01");
    private static readonly Guid GranteeId = Guid.Parse("0193a5b9-22bb-7c4d-9e3f-6a7b8c9d0e02");
    private static readonly Guid GrantId = Guid.Parse("0193a5c4-33cc-7d5e-8f40-7b8c9d0e1f03");
    private static readonly Guid LinkId = Guid.Parse("0193a5c6-44dd-7e6f-9051-8c9d0e1f2a04");
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = new(2026, 12, 31, 23, 59, 0, TimeSpan.Zero);
    private const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string Storage = "https://media.example.com/storage/objects/0193a5c0-7e21-7c4d-9f5e-2b8c1d0e4a11";
    private const string Signature = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=900&X-Amz-Signature=3f1c";
    private const string LinkToken = "kq3Xv9cT0bWm4N7pZr2LsA8eYhUd6GfJ";
    private const string DropUploadId = "Zr2LsA8eYhUd6GfJkq3Xv9cT0bWm4N7pq1Vw5Bn8MxE";

    private static readonly AssetResponse Asset = new(
        AssetId, OwnerId, "Holiday", "Two minutes at the beach", "holiday.mp4", "video/mp4", AssetKind.Video, 73_400_320,
        Sha256, AssetStatus.Ready, ["beach", "2026"], Created, Created.AddMinutes(2),
        new AccessResponse(AccessRole.Owner, true, true, true, true, true),
        new MediaResponse(1920, 1080, 121.5, "h264"),
        [
            new RenditionResponse("thumbnail", RenditionStatus.Ready, "image/webp", 256, 144),
            new RenditionResponse("preview", RenditionStatus.Ready, "image/webp", 1280, 720),
        ],
        AssetIntegrity.Verified,
        InheritsAccess: true);

    private static readonly GrantResponse Grant = new(
        GrantId, AssetId, new GranteeResponse(GranteeId, "bo@example.com", "Bo"), Group: null, AccessRole.Viewer, AllowDownload: true, Expires, Created, OwnerId, true);

    private static readonly Guid GroupId = Guid.Parse("0193a5ca-66ff-7081-b273-0e1f2a3b4c06");

    private static readonly Guid CollectionId = Guid.Parse("0193a5cc-77a0-7192-8384-1f2a3b4c5d07");

    private static readonly Guid CollectionGrantId = Guid.Parse("0193a5cd-88b1-72a3-9495-2a3b4c5d6e08");

    private static readonly Guid OtherAssetId = Guid.Parse("0193a5ce-99c2-73b4-a5a6-3b4c5d6e7f09");

    private static readonly GroupResponse Group = new(GroupId, "Family", "Photos and videos for the family", OwnerId, 4, GroupRole.Owner, Created, Created.AddMinutes(10));

    private static readonly GroupMemberResponse Member = new(GranteeId, "bo@example.com", "Bo", GroupRole.Member, Created.AddMinutes(10));


    private static readonly CollectionResponse Collection = new(
        CollectionId, OwnerId, "Summer 2026", "The best of the holidays", 12, Created, Created.AddMinutes(20),
        new CollectionAccessResponse(AccessRole.Owner, true, true, true, true));

    private static readonly CollectionGrantResponse CollectionGrant = new(
        GrantId, CollectionId, Grantee: null, new GroupRefResponse(GroupId, "Family"), AccessRole.Viewer, AllowDownload: false, Expires, Created, OwnerId, true);

    private static readonly Guid OtherLinkId = Guid.Parse("0193a5cf-aad3-74c5-b6b7-4c5d6e7f8a10");

    private static readonly LinkResponse Link = new(LinkId, Expires, true, 3, 1, Created, OwnerId, true);

    private static readonly Dictionary<Type, object> ByType = new()
    {
        [typeof(CreateAssetRequest)] = new CreateAssetRequest("holiday.mp4", "video/mp4", 73_400_320, Sha256, "Holiday", "Two minutes at the beach", ["beach", "2026"]),
        [typeof(CreateAssetResponse)] = new CreateAssetResponse(
            Asset with { Status = AssetStatus.Pending, Media = null, Renditions = [], Integrity = AssetIntegrity.Unverified },
            new UploadResponse(
                "MULTIPART", null, new Dictionary<string, string>(), 16_777_216,
                [.. Enumerable.Range(1, 5).Select(n => new UploadPartResponse(n, new Uri(
                    string.Create(CultureInfo.InvariantCulture, $"{Storage}?partNumber={n}&uploadId=2~b7Qx&{Signature}"))))],
                Created.AddMinutes(15))),
        [typeof(CompleteUploadRequest)] = new CompleteUploadRequest(
            [new CompletedPartRequest(1, "\"6f5902ac237024bdd0c176cb93063dc4\""), new CompletedPartRequest(2, "\"e1faffb3e614e6c2fba74296962386b7\"")]),
        [typeof(UpdateAssetRequest)] = new UpdateAssetRequest("Holiday 2026", "Two minutes at the beach, at sunset", ["beach", "sunset"], InheritsAccess: true),
        [typeof(AccessExplanationResponse)] = new AccessExplanationResponse(
            GranteeId, AccessRole.Editor, true, false, true, false, false,
            [
                new AccessPathResponse(
                    AccessPathKind.CollectionGrant, AccessRole.Editor, false, null, CollectionGrantId, null, new CollectionRefResponse(CollectionId, "Summer 2026")),
                new AccessPathResponse(AccessPathKind.GroupGrant, AccessRole.Viewer, false, Expires, GrantId, new GroupRefResponse(GroupId, "Family"), null),
            ]),
        [typeof(CheckAccessRequest)] = new CheckAccessRequest([AssetId, OtherAssetId]),
        [typeof(ItemsResponse<AssetAccessResponse>)] = new ItemsResponse<AssetAccessResponse>(
            [
                new AssetAccessResponse(AssetId, new AccessResponse(AccessRole.Viewer, true, true, false, false, false)),
                new AssetAccessResponse(OtherAssetId, new AccessResponse(null, false, false, false, false, false)),
            ]),
        [typeof(AssetResponse)] = Asset,
        [typeof(PageResponse<TrashedAssetResponse>)] = new PageResponse<TrashedAssetResponse>(
            [
                new TrashedAssetResponse(
                    AssetId, OwnerId, "Holiday", "Two minutes at the beach", "holiday.mp4", "video/mp4", AssetKind.Video, 73_400_320,
                    Sha256, ["beach", "2026"], Created, Created.AddMinutes(2), Created.AddDays(1), Created.AddDays(31)),
            ],
            null),
        [typeof(PageResponse<AssetResponse>)] = new PageResponse<AssetResponse>([Asset], "eyJjIjoiMjAyNi0xMi0wMVQwOTozMDowMFoifQ"),
        [typeof(DownloadResponse)] = new DownloadResponse(new Uri($"{Storage}?{Signature}"), Created.AddMinutes(5)),
        [typeof(FindDuplicatesRequest)] = new FindDuplicatesRequest([Sha256]),
        [typeof(DuplicatesResponse)] = new DuplicatesResponse([new DuplicateResponse(Sha256, [AssetId])]),
        [typeof(RegisterRequest)] = new RegisterRequest("ana@example.com", "a long passphrase", "Ana"),
        [typeof(VerifyEmailRequest)] = new VerifyEmailRequest(OwnerId, "CfDJ8Nq2vXk"),
        [typeof(EmailVerifiedResponse)] = new EmailVerifiedResponse(true),
        [typeof(ResendVerificationRequest)] = new ResendVerificationRequest("ana@example.com"),
        [typeof(LoginRequest)] = new LoginRequest("ana@example.com", "a long passphrase"),
        [typeof(RefreshRequest)] = new RefreshRequest("mQ3k9bT5xVzP2nL8rW1cY6hD0fJ4gS7a"),
        [typeof(LogoutRequest)] = new LogoutRequest("mQ3k9bT5xVzP2nL8rW1cY6hD0fJ4gS7a"),
        [typeof(ForgotPasswordRequest)] = new ForgotPasswordRequest("ana@example.com"),
        [typeof(ResetPasswordRequest)] = new ResetPasswordRequest(OwnerId, "CfDJ8Nq2vXk", "another long passphrase"),
        [typeof(TokenResponse)] = new TokenResponse("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMTkzYTViOCJ9.c2lnbmF0dXJl", "mQ3k9bT5xVzP2nL8rW1cY6hD0fJ4gS7a", "Bearer", 900),
        [typeof(MeResponse)] = new MeResponse(OwnerId, "ana@example.com", "Ana", true, ["user"], 73_400_320, 0, 10_737_418_240, Created),
        [typeof(PageResponse<ActivityEntryResponse>)] = new PageResponse<ActivityEntryResponse>(
            [new ActivityEntryResponse(Guid.Parse("0193a5c8-55ee-7f70-a162-9d0e1f2a3b05"), Created.AddMinutes(3), OwnerId, "grant.created",
                JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["grantId"] = GrantId.ToString(), ["granteeId"] = GranteeId.ToString(), ["role"] = "viewer" }))],
            null),
        [typeof(CreateGrantRequest)] = new CreateGrantRequest("bo@example.com", "viewer", Expires, GroupId: null, AllowDownload: true),
        [typeof(ChangeGrantRequest)] = new ChangeGrantRequest { Role = "editor", AllowDownload = false, ExpiresAt = Expires },
        [typeof(GrantResponse)] = Grant,
        [typeof(ItemsResponse<GrantResponse>)] = new ItemsResponse<GrantResponse>([Grant]),
        [typeof(CreateLinkRequest)] = new CreateLinkRequest(Expires, "open sesame", 3),
        [typeof(CreatedLinkResponse)] = new CreatedLinkResponse(
            LinkId, LinkToken, new Uri($"https://media.example.com/api/v1/public/links/{LinkToken}"), Expires, true, 3, 0, Created, OwnerId, true),
        [typeof(ItemsResponse<LinkResponse>)] = new ItemsResponse<LinkResponse>([Link]),
        [typeof(PublicLinkResponse)] = new PublicLinkResponse(
            new PublicAssetResponse("Holiday", "holiday.mp4", "video/mp4", AssetKind.Video, 73_400_320), Collection: null, LinkKind.Asset, true, Expires),
        [typeof(CreateCollectionLinkRequest)] = new CreateCollectionLinkRequest("view", Expires, "open sesame", MaxDownloads: 20, AllowDownload: false),
        [typeof(CreatedCollectionLinkResponse)] = new CreatedCollectionLinkResponse(
            LinkId, LinkToken, new Uri($"https://media.example.com/api/v1/public/links/{LinkToken}"), LinkKind.View, Expires, true, 20, 0, null, 0, false,
            Created, OwnerId, true),
        [typeof(ItemsResponse<CollectionLinkResponse>)] = new ItemsResponse<CollectionLinkResponse>(
            [
                new CollectionLinkResponse(LinkId, LinkKind.View, Expires, true, 20, 4, null, 0, false, Created.AddMinutes(30), OwnerId, true),
                new CollectionLinkResponse(OtherLinkId, LinkKind.Upload, Expires, false, null, 0, 50, 12, false, Created, OwnerId, true),
            ]),
        [typeof(PageResponse<PublicLinkAssetResponse>)] = new PageResponse<PublicLinkAssetResponse>(
            [
                new PublicLinkAssetResponse(
                    AssetId, "Holiday", "holiday.mp4", "video/mp4", AssetKind.Video, 73_400_320, Asset.Media, Asset.Renditions),
            ],
            null),
        [typeof(PublicDownloadRequest)] = new PublicDownloadRequest("open sesame"),
        [typeof(StartDropRequest)] = new StartDropRequest("IMG_0412.jpg", "image/jpeg", 4_718_592, "open sesame"),
        [typeof(StartDropResponse)] = new StartDropResponse(
            DropUploadId,
            new UploadResponse(
                "PUT", new Uri($"{Storage}.upload?{Signature}"), new Dictionary<string, string> { ["Content-Type"] = "image/jpeg" }, null, null,
                Created.AddMinutes(15))),
        [typeof(CompleteDropRequest)] = new CompleteDropRequest(null, "open sesame"),
        [typeof(CompleteDropResponse)] = new CompleteDropResponse(DropUploadId, "ready"),
        [typeof(CreateGroupRequest)] = new CreateGroupRequest("Family", "Photos and videos for the family"),
        [typeof(UpdateGroupRequest)] = new UpdateGroupRequest("Family and friends", null),
        [typeof(GroupResponse)] = Group,
        [typeof(PageResponse<GroupResponse>)] = new PageResponse<GroupResponse>([Group], null),
        [typeof(AddGroupMemberRequest)] = new AddGroupMemberRequest("bo@example.com", "member"),
        [typeof(ChangeGroupMemberRequest)] = new ChangeGroupMemberRequest("admin"),
        [typeof(GroupMemberResponse)] = Member,
        [typeof(PageResponse<GroupMemberResponse>)] = new PageResponse<GroupMemberResponse>(
            [Member, new GroupMemberResponse(OwnerId, "ana@example.com", "Ana", GroupRole.Owner, Created)], null),
        [typeof(CreateCollectionRequest)] = new CreateCollectionRequest("Summer 2026", "The best of the holidays"),
        [typeof(UpdateCollectionRequest)] = new UpdateCollectionRequest("Summer 2026, best of", null),
        [typeof(CollectionResponse)] = Collection,
        [typeof(PageResponse<CollectionResponse>)] = new PageResponse<CollectionResponse>(
            [Collection with { Access = new CollectionAccessResponse(AccessRole.Viewer, true, false, false, false), AssetCount = 7 }], null),
        [typeof(AddCollectionAssetsRequest)] = new AddCollectionAssetsRequest([AssetId, GrantId]),
        [typeof(AddedCollectionAssetsResponse)] = new AddedCollectionAssetsResponse([AssetId], [GrantId]),
        [typeof(CreateCollectionGrantRequest)] = new CreateCollectionGrantRequest(null, GroupId, "viewer", Expires, false),
        [typeof(ChangeCollectionGrantRequest)] = new ChangeCollectionGrantRequest { Role = "editor", ExpiresAt = Expires, AllowDownload = true },
        [typeof(CollectionGrantResponse)] = CollectionGrant,
        [typeof(ItemsResponse<CollectionGrantResponse>)] = new ItemsResponse<CollectionGrantResponse>([CollectionGrant]),
        [typeof(PageResponse<AdminUserResponse>)] = new PageResponse<AdminUserResponse>(
            [new AdminUserResponse(OwnerId, "ana@example.com", "Ana", true, false, ["user"], 73_400_320, 12, Created)], null),
    };

    /// <summary>The example of a request or response body of type <paramref name="type"/>, if there is one.</summary>
    public static object? For(Type type) => ByType.GetValueOrDefault(type);

    /// <summary>The problem an operation answers with <paramref name="status"/>, as the API writes it.</summary>
    public static ProblemDetails Problem(int status)
    {
        var problem = status switch
        {
            400 => new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["fileName"] = ["The file name is required."] })
            {
                Type = ProblemTypes.Validation,
                Title = "One or more validation errors occurred.",
                Detail = "See errors for each field.",
            },
            401 => new ProblemDetails { Type = ProblemTypes.Unauthorized, Title = "Unauthorized", Detail = "The access token is missing, invalid or expired." },
            403 => new ProblemDetails { Type = ProblemTypes.Forbidden, Title = "Forbidden", Detail = "Your role on this asset does not allow this." },
            404 => new ProblemDetails { Type = ProblemTypes.NotFound, Title = "Not Found", Detail = "The resource does not exist." },
            409 => new ProblemDetails { Type = ProblemTypes.Conflict, Title = "Conflict", Detail = "The upload is not complete: the stored object is missing." },
            413 => new ProblemDetails { Type = ProblemTypes.BadRequest, Title = "Payload Too Large", Detail = "The request body is too large." },
            415 => new ProblemDetails { Type = ProblemTypes.BadRequest, Title = "Unsupported Media Type", Detail = "The request body must be application/json in UTF-8." },
            429 => new ProblemDetails { Type = ProblemTypes.TooManyRequests, Title = "Too Many Requests", Detail = "Retry after the number of seconds in Retry-After." },
            503 => new ProblemDetails { Type = ProblemTypes.Unavailable, Title = "Service Unavailable", Detail = "The database did not answer: retry after Retry-After." },
            _ => new ProblemDetails { Type = ProblemTypes.Internal, Title = "Internal Server Error", Detail = "The server failed to answer; the fault is logged." },
        };
        problem.Status = status;
        problem.Extensions["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        return problem;
    }
}
