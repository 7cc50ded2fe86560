using System.Globalization;
using System.Text;

namespace MediaVault.Integration.Tests.Authorization;

/// <summary>Who calls. Each is arranged afresh for every cell: one ready asset and the people around it.</summary>
public enum Actor
{
    /// <summary>The asset's owner.</summary>
    Owner,

    /// <summary>Holds an active manager grant.</summary>
    Manager,

    /// <summary>Holds an active editor grant.</summary>
    Editor,

    /// <summary>Holds an active viewer grant.</summary>
    Viewer,

    /// <summary>Held manager grants, on the asset and on the collection, whose expiry has passed.</summary>
    ExpiredGrant,

    /// <summary>Held manager grants, on the asset and on the collection, that were revoked.</summary>
    RevokedGrant,

    /// <summary>A signed-in person with no grant on the asset.</summary>
    Stranger,

    /// <summary>No access token at all.</summary>
    Anonymous,

    /// <summary>Holds an active manager grant, but an administrator disabled the account; its token was issued before.</summary>
    DisabledUser,

    /// <summary>A signed-in administrator without a grant: to content, administrators are strangers.</summary>
    Admin,

    /// <summary>A plain member of a group that holds an active editor grant on the asset.</summary>
    GroupMember,

    /// <summary>An admin of a group that holds an active viewer grant on the asset: running a group gives no more on its assets.</summary>
    GroupAdmin,

    /// <summary>Was a member of a group that holds active manager grants on the asset and on the collection, and was removed from it.</summary>
    RemovedMember,

    /// <summary>Holds an active viewer grant on a collection that contains the asset.</summary>
    CollectionViewer,

    /// <summary>Holds an active editor grant on a collection that contains the asset.</summary>
    CollectionEditor,

    /// <summary>Holds an active manager grant on a collection that contains the asset.</summary>
    CollectionManager,

    /// <summary>Holds an active manager grant on a collection that contains the asset, but the asset does not inherit access.</summary>
    OptedOut,

    /// <summary>Holds an active viewer grant that does not allow download (view-only sharing).</summary>
    ViewOnly,
}

/// <summary>What one cell expects: an HTTP status, or for list rows 200 with the asset listed or not; or nothing (not applicable).</summary>
public readonly record struct Expectation(int Status, bool? Listed = null)
{
    public static readonly Expectation NotApplicable = new(0);

    public bool Applies => Status != 0;

    public static Expectation Code(int status) => new(status);

    public static Expectation IsListed(bool listed) => new(200, listed);

    public override string ToString() => !Applies ? "—" : Listed switch
    {
        true => "listed",
        false => "not listed",
        null => Status.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// One asset-scoped endpoint of the contract. <c>Path</c> names what the arrangement provides: <c>{id}</c> the asset,
/// <c>{grantId}</c> a viewer grant of a third person, <c>{ownGrantId}</c> the caller's own grant, <c>{linkId}</c> and
/// <c>{token}</c> a public link, <c>{targetId}</c> a signed-up person without access; <c>{trashedId}</c> and
/// <c>{trashedToken}</c> a second asset, shared and linked the same way, then moved to the trash; for the collection rows
/// <c>{collectionId}</c> a collection that contains the asset, <c>{collectionGrantId}</c> a viewer grant of a third person
/// on it and <c>{ownCollectionGrantId}</c> the caller's own grant on it; <c>{collectionLinkId}</c> and <c>{viewToken}</c> a
/// view link on the collection, <c>{lockedViewToken}</c> one with the password <c>matrix password</c>; for the drop rows
/// <c>{uploadToken}</c> an upload link of that collection (and <c>{uploadId}</c> a drop started through it, its bytes
/// uploaded), <c>{passwordUploadToken}</c> one with the password <c>matrix password</c>, <c>{otherUploadId}</c> a drop
/// started through another upload link of the owner's; <c>{unknownToken}</c> a well-formed token nobody issued.
/// <c>Variant</c> tells apart two rows of the same
/// method and path (the body field that makes them different rules).
/// </summary>
public sealed record MatrixRow(
    string Method,
    string Path,
    string? Body,
    string Meaning,
    IReadOnlyDictionary<Actor, Expectation> Expected,
    string? Variant = null)
{
    public string Label => Variant is null ? $"{Method} {Path}" : $"{Method} {Path} {Variant}";
}

/// <summary>
/// THE authorization matrix: every asset-scoped endpoint of the contract against every kind of caller, with the exact
/// status the contract implies. <see cref="AuthorizationMatrixTests"/> executes every cell against the real host on both
/// databases; <see cref="AuthorizationMatrixDocumentationTests"/> keeps docs/authorization-matrix.md rendered from it.
/// </summary>
public static class AuthorizationMatrix
{
    public const string DocumentPath = "docs/authorization-matrix.md";

    public static readonly IReadOnlyList<Actor> Actors = Enum.GetValues<Actor>();

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        Row("GET", "/api/v1/assets/{id}", null, "see the asset", Grantees(200), Hidden()),
        Row("GET", "/api/v1/assets?scope=all&limit=100", null, "the asset is in your list", Listing(owner: true, grantees: true), HiddenFromLists()),
        Row("GET", "/api/v1/assets?scope=shared&limit=100", null, "the asset is in your shared list", Listing(owner: false, grantees: true), HiddenFromLists()),
        Row("GET", "/api/v1/assets?scope=owned&limit=100", null, "the asset is in your own list", Listing(owner: true, grantees: false), HiddenFromLists()),
        Row("PATCH", "/api/v1/assets/{id}", """{"title":"Renamed"}""", "edit the details", Roles(200, 200, 200, 403), Hidden()),
        Row("PATCH", "/api/v1/assets/{id}", """{"inheritsAccess":false}""", "stop collection access reaching the asset", Roles(200, 403, 403, 403), Hidden(), "{inheritsAccess}"),
        Row("DELETE", "/api/v1/assets/{id}", null, "delete the asset", Roles(204, 403, 403, 403), Hidden()),
        Row("GET", "/api/v1/assets/{id}/download", null, "get a download URL (not view-only)", Roles(200, 200, 200, 200, viewOnly: 403), Hidden()),
        Row("GET", "/api/v1/assets/{id}/renditions/thumbnail", null, "get a rendition URL (view-only included)", Grantees(200), Hidden()),
        Row("POST", "/api/v1/assets/{id}/complete", "{}", "complete the upload (again: idempotent)", Roles(200, 403, 403, 403), Hidden()),
        Row("POST", "/api/v1/assets/{id}/grants", """{"granteeEmail":"{targetEmail}","role":"viewer"}""", "share with a person", Roles(201, 201, 403, 403), Hidden()),
        Row("GET", "/api/v1/assets/{id}/grants", null, "list the grants", Roles(200, 200, 403, 403), Hidden()),
        Row("PATCH", "/api/v1/assets/{id}/grants/{grantId}", """{"role":"editor"}""", "change someone else's grant", Roles(200, 200, 403, 403), Hidden()),
        Row("DELETE", "/api/v1/assets/{id}/grants/{grantId}", null, "revoke someone else's grant", Roles(204, 204, 403, 403), Hidden()),
        Row("DELETE", "/api/v1/assets/{id}/grants/{ownGrantId}", null, "leave: revoke your own grant", Leave(), []),
        Row("POST", "/api/v1/assets/{id}/links", "{}", "create a public link", Roles(201, 201, 403, 403), Hidden()),
        Row("GET", "/api/v1/assets/{id}/links", null, "list the links", Roles(200, 200, 403, 403), Hidden()),
        Row("DELETE", "/api/v1/assets/{id}/links/{linkId}", null, "revoke a link", Roles(204, 204, 403, 403), Hidden()),
        Row("GET", "/api/v1/assets/{id}/activity", null, "read the activity log", Roles(200, 200, 403, 403), Hidden()),
        Row("GET", "/api/v1/assets/{id}/access", null, "explain your own access", Grantees(200), Hidden()),
        Row("GET", "/api/v1/assets/{id}/access?userId={targetId}", null, "explain someone else's access", Roles(200, 200, 403, 403), Hidden()),
        Row("POST", "/api/v1/assets/access", """{"assetIds":["{id}"]}""", "batch check: the asset comes back with `canView`", Listing(owner: true, grantees: true), HiddenFromLists()),
        Row("GET", "/api/v1/public/links/{token}", null, "see what a public link shows (a token is enough)", Everyone(200), []),
        Row("POST", "/api/v1/public/links/{token}/download", null, "download through a public link", Everyone(200), []),
        Row("GET", "/api/v1/assets/{trashedId}", null, "see a trashed asset: nobody does, its owner included", Grantees(404), Hidden()),
        Row("GET", "/api/v1/public/links/{trashedToken}", null, "see a public link of a trashed asset", Everyone(404), []),
        Row("POST", "/api/v1/trash/{trashedId}/restore", null, "restore a trashed asset", Roles(200, 404, 404, 404), Hidden()),
        Row("DELETE", "/api/v1/trash/{trashedId}", null, "purge a trashed asset now", Roles(204, 404, 404, 404), Hidden()),
        Row("POST", "/api/v1/public/links/{uploadToken}/uploads", DropBody, "drop a file through the collection's upload link (the token is enough)", Everyone(201), []),
        Row("POST", "/api/v1/public/links/{unknownToken}/uploads", DropBody, "drop a file without the link (a token nobody issued)", Everyone(404), []),
        Row("POST", "/api/v1/public/links/{passwordUploadToken}/uploads", DropBody, "drop through an upload link with a password, without it", Everyone(401), []),
        Row("POST", "/api/v1/public/links/{passwordUploadToken}/uploads", DropBody[..^1] + ""","password":"not the password"}""", "drop through an upload link with a password, with a wrong one", Everyone(401), [], "{wrong password}"),
        Row("POST", "/api/v1/public/links/{passwordUploadToken}/uploads", DropBody[..^1] + ""","password":"matrix password"}""", "drop through an upload link with a password, with it", Everyone(201), [], "{password}"),
        Row("POST", "/api/v1/public/links/{viewToken}/uploads", DropBody, "drop through the collection's view link", Everyone(404), []),
        Row("POST", "/api/v1/public/links/{token}/uploads", DropBody, "drop through the asset's link", Everyone(404), []),
        Row("POST", "/api/v1/public/links/{uploadToken}/uploads/{uploadId}/complete", "{}", "complete a drop with its upload id (the bytes uploaded)", Everyone(200), []),
        Row("POST", "/api/v1/public/links/{uploadToken}/uploads/{otherUploadId}/complete", "{}", "complete a drop started through another upload link", Everyone(404), []),
    ];

    private const string DropBody = """{"fileName":"drop.png","contentType":"image/png","sizeBytes":1234}""";

    /// <summary>
    /// Every collection-scoped endpoint of the contract, against the same callers around the same arrangement: the
    /// asset's owner owns the collection, which contains the asset. A grant on the asset alone gives nothing on the
    /// collection.
    /// </summary>
    public static readonly IReadOnlyList<MatrixRow> CollectionRows =
    [
        Row("GET", "/api/v1/collections/{collectionId}", null, "see the collection", CollectionRoles(200, 200, 200, 200), []),
        Row("GET", "/api/v1/collections?scope=all&limit=100", null, "the collection is in your list", CollectionListing(owner: true), []),
        Row("GET", "/api/v1/collections?scope=shared&limit=100", null, "the collection is in your shared list", CollectionListing(owner: false), []),
        Row("GET", "/api/v1/collections/{collectionId}/assets?limit=100", null, "the asset is in the contents you see", CollectionContents(), []),
        Row("PATCH", "/api/v1/collections/{collectionId}", """{"name":"Renamed"}""", "rename the collection", CollectionRoles(200, 200, 200, 403), []),
        Row("DELETE", "/api/v1/collections/{collectionId}", null, "delete the collection", CollectionRoles(204, 403, 403, 403), []),
        Row("POST", "/api/v1/collections/{collectionId}/assets", """{"assetIds":["{id}"]}""", "add the asset (already in it; you must be able to share it)", CollectionRoles(200, 200, 403, 403, optedOut: 404), []),
        Row("DELETE", "/api/v1/collections/{collectionId}/assets/{id}", null, "take the asset out", CollectionRoles(204, 204, 204, 403), []),
        Row("POST", "/api/v1/collections/{collectionId}/grants", """{"granteeEmail":"{targetEmail}","role":"viewer"}""", "share the collection with a person", CollectionRoles(201, 201, 403, 403), []),
        Row("GET", "/api/v1/collections/{collectionId}/grants", null, "list the grants", CollectionRoles(200, 200, 403, 403), []),
        Row("PATCH", "/api/v1/collections/{collectionId}/grants/{collectionGrantId}", """{"role":"editor"}""", "change someone else's grant", CollectionRoles(200, 200, 403, 403), []),
        Row("DELETE", "/api/v1/collections/{collectionId}/grants/{collectionGrantId}", null, "revoke someone else's grant", CollectionRoles(204, 204, 403, 403), []),
        Row("DELETE", "/api/v1/collections/{collectionId}/grants/{ownCollectionGrantId}", null, "leave: revoke your own grant", CollectionLeave(), []),
        Row("GET", "/api/v1/collections/{collectionId}/activity", null, "read the activity log", CollectionRoles(200, 200, 403, 403), []),
        Row("POST", "/api/v1/collections/{collectionId}/links", """{"kind":"view"}""", "create a view link", CollectionRoles(201, 201, 403, 403), []),
        Row("GET", "/api/v1/collections/{collectionId}/links", null, "list the links", CollectionRoles(200, 200, 403, 403), []),
        Row("DELETE", "/api/v1/collections/{collectionId}/links/{collectionLinkId}", null, "revoke a link", CollectionRoles(204, 204, 403, 403), []),
        Row("GET", "/api/v1/public/links/{viewToken}", null, "see what a view link shows (a token is enough)", Everyone(200), []),
        Row("GET", "/api/v1/public/links/{viewToken}/assets?limit=100", null, "the asset is listed through the view link (unless it opted out)", ThroughViewLink(Expectation.IsListed(true), Expectation.IsListed(false)), []),
        Row("GET", "/api/v1/public/links/{viewToken}/assets/{id}/renditions/thumbnail", null, "get a rendition URL through the view link", ThroughViewLink(Expectation.Code(200), Expectation.Code(404)), []),
        Row("POST", "/api/v1/public/links/{viewToken}/assets/{id}/download", null, "download through the view link", ThroughViewLink(Expectation.Code(200), Expectation.Code(404)), []),
        Row("POST", "/api/v1/public/links/{lockedViewToken}/assets/{id}/download", """{"password":"matrix password"}""", "download through a view link with its password", ThroughViewLink(Expectation.Code(200), Expectation.Code(404)), [], "{password}"),
        Row("POST", "/api/v1/public/links/{lockedViewToken}/assets/{id}/download", """{"password":"wrong password"}""", "download through a view link with a wrong password", Everyone(401), [], "{wrong password}"),
        Row("GET", "/api/v1/public/links/{unknownToken}/assets", null, "list a view link's assets without holding the link", Everyone(404), []),
    ];

    /// <summary>Both tables' rows: asset-scoped, then collection-scoped.</summary>
    public static IReadOnlyList<MatrixRow> AllRows => [.. Rows, .. CollectionRows];

    /// <summary>The applicable cells, row by row.</summary>
    public static IEnumerable<(MatrixRow Row, Actor Actor, Expectation Expected)> Cells() =>
        from row in AllRows
        from actor in Actors
        let expected = row.Expected[actor]
        where expected.Applies
        select (row, actor, expected);

    public static string RenderMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Authorization matrix");
        text.AppendLine();
        text.AppendLine("<!-- Generated from tests/Integration.Tests/Authorization/AuthorizationMatrix.cs: do not edit by hand.");
        text.AppendLine("     Regenerate: MEDIAVAULT_WRITE_DOCS=1 ./scripts/test.sh --filter FullyQualifiedName~AuthorizationMatrixDocumentationTests -->");
        text.AppendLine();
        text.AppendLine("Every asset-scoped endpoint of `api-v1.md` against every kind of caller, with the exact answer. The");
        text.AppendLine("table is data in `AuthorizationMatrix.cs`; `AuthorizationMatrixTests` executes every cell against the");
        text.AppendLine("real host on SQLite and PostgreSQL, each cell on a freshly arranged ready asset, so this page cannot");
        text.AppendLine("drift from what the API does. The rules behind it: invisible is `404` (exactly like a missing asset),");
        text.AppendLine("`403` only when the caller sees the asset but its role forbids the action, `401` without a valid token.");
        text.AppendLine("Roles follow the contract's effective-access rule: the strongest of ownership, a grant to the person, a");
        text.AppendLine("grant to one of its groups, and a grant on a collection that contains the asset (the same role, inherited)");
        text.AppendLine("unless the asset has `inheritsAccess: false`; downloading also needs a path that allows it.");
        text.AppendLine();
        text.AppendLine("Callers:");
        text.AppendLine();
        foreach (var actor in Actors)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{ColumnName(actor)}**: {Describe(actor)}");
        }

        text.AppendLine();
        AppendTable(text, Rows);
        text.AppendLine();
        text.AppendLine("## Collections");
        text.AppendLine();
        text.AppendLine("The same callers, around the same arrangement, on the collection-scoped endpoints: the asset's owner owns a");
        text.AppendLine("collection that contains the asset. Only the owner and the holders of an active grant on the collection (the");
        text.AppendLine("collection viewer, editor and manager, and the opted-out grantee, a collection manager) see it; a grant on the");
        text.AppendLine("asset alone gives nothing on the collection (`404`). The opted-out grantee manages the collection but does not");
        text.AppendLine("see the asset: it is left out of the contents, and adding it is `404`, as for any asset one cannot see.");
        text.AppendLine("The collection's owner and managers manage its links. A view link (`{viewToken}`; `{lockedViewToken}` has a");
        text.AppendLine("password) answers whoever holds its token alike, signed in or not; in the opted-out caller's arrangement the");
        text.AppendLine("asset does not inherit access, so no view link shows it (`not listed`, `404`). `{unknownToken}`: a token");
        text.AppendLine("nobody was given, i.e. not holding the link.");
        text.AppendLine();
        AppendTable(text, CollectionRows);
        text.AppendLine();
        text.AppendLine("`listed` / `not listed`: `200`, with the asset in the list or not (in the batch check: answered with");
        text.AppendLine("`canView: true`, or with no role and every capability `false`). `—`: not applicable (the caller holds no");
        text.AppendLine("grant of its own on the asset to leave; a group's or a collection's grant is left through the group or the");
        text.AppendLine("collection).");
        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void AppendTable(StringBuilder text, IEnumerable<MatrixRow> rows)
    {
        text.Append("| endpoint | meaning |");
        foreach (var actor in Actors)
        {
            text.Append(CultureInfo.InvariantCulture, $" {ColumnName(actor)} |");
        }

        text.AppendLine();
        text.Append("|---|---|");
        text.AppendLine(string.Concat(Actors.Select(_ => "---|")));
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{row.Label}` | {row.Meaning} |");
            foreach (var actor in Actors)
            {
                text.Append(CultureInfo.InvariantCulture, $" {row.Expected[actor]} |");
            }

            text.AppendLine();
        }
    }

    public static string ColumnName(Actor actor) => actor switch
    {
        Actor.ExpiredGrant => "expired grant",
        Actor.RevokedGrant => "revoked grant",
        Actor.DisabledUser => "disabled user",
        Actor.GroupMember => "group member",
        Actor.GroupAdmin => "group admin",
        Actor.RemovedMember => "removed member",
        Actor.CollectionViewer => "collection viewer",
        Actor.CollectionEditor => "collection editor",
        Actor.CollectionManager => "collection manager",
        Actor.OptedOut => "opted-out grantee",
        Actor.ViewOnly => "view-only grantee",
        _ => actor.ToString().ToLowerInvariant(),
    };

    private static string Describe(Actor actor) => actor switch
    {
        Actor.Owner => "the asset's owner.",
        Actor.Manager => "holds an active manager grant.",
        Actor.Editor => "holds an active editor grant.",
        Actor.Viewer => "holds an active viewer grant.",
        Actor.ExpiredGrant => "held manager grants (on the asset, and on the collection) whose `expiresAt` has passed.",
        Actor.RevokedGrant => "held manager grants (on the asset, and on the collection) that were revoked.",
        Actor.Stranger => "signed in, no grant on the asset.",
        Actor.Anonymous => "no access token.",
        Actor.DisabledUser => "holds an active manager grant, but the account was disabled after its token was issued.",
        Actor.Admin => "signed in with the `admin` role, no grant: administrators manage accounts, not content.",
        Actor.GroupMember => "a plain member of a group that holds an active editor grant on the asset (no grant of its own).",
        Actor.GroupAdmin => "an admin of a group that holds an active viewer grant on the asset: running the group adds nothing on its assets.",
        Actor.RemovedMember => "was a member of a group that holds active manager grants on the asset and on the collection, and was removed from the group.",
        Actor.CollectionViewer => "holds an active viewer grant on a collection that contains the asset (the role is inherited on the asset).",
        Actor.CollectionEditor => "holds an active editor grant on a collection that contains the asset.",
        Actor.CollectionManager => "holds an active manager grant on a collection that contains the asset.",
        Actor.OptedOut => "holds an active manager grant on the collection that contains the asset, but the asset has `inheritsAccess: false` (no other path).",
        Actor.ViewOnly => "holds an active viewer grant with `allowDownload: false`: sees the asset and its renditions, no download.",
        _ => throw new ArgumentOutOfRangeException(nameof(actor)),
    };

    private static MatrixRow Row(
        string method, string path, string? body, string meaning, Dictionary<Actor, Expectation> visible, Dictionary<Actor, Expectation> hidden, string? variant = null)
    {
        var expected = new Dictionary<Actor, Expectation>(visible);
        foreach (var (actor, expectation) in hidden)
        {
            expected[actor] = expectation;
        }

        var missing = Enum.GetValues<Actor>().Where(a => !expected.ContainsKey(a)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{method} {path} has no expectation for {string.Join(", ", missing)}.");
        }

        return new MatrixRow(method, path, body, meaning, expected, variant);
    }

    /// <summary>
    /// Those who see the asset, by the role the effective-access rule gives them: a group grant or a collection grant
    /// gives its own role on the asset; the view-only grantee is a viewer unless <paramref name="viewOnly"/> says otherwise.
    /// </summary>
    private static Dictionary<Actor, Expectation> Roles(int owner, int manager, int editor, int viewer, int? viewOnly = null) => new()
    {
        [Actor.Owner] = Expectation.Code(owner),
        [Actor.Manager] = Expectation.Code(manager),
        [Actor.Editor] = Expectation.Code(editor),
        [Actor.Viewer] = Expectation.Code(viewer),
        [Actor.GroupMember] = Expectation.Code(editor),
        [Actor.GroupAdmin] = Expectation.Code(viewer),
        [Actor.CollectionViewer] = Expectation.Code(viewer),
        [Actor.CollectionEditor] = Expectation.Code(editor),
        [Actor.CollectionManager] = Expectation.Code(manager),
        [Actor.ViewOnly] = Expectation.Code(viewOnly ?? viewer),
        [Actor.DisabledUser] = Expectation.Code(401),
        [Actor.Anonymous] = Expectation.Code(401),
    };

    private static Dictionary<Actor, Expectation> Grantees(int status) => Roles(status, status, status, status);

    /// <summary>Those who may not see the asset: it does not exist for them.</summary>
    private static Dictionary<Actor, Expectation> Hidden() => new()
    {
        [Actor.ExpiredGrant] = Expectation.Code(404),
        [Actor.RevokedGrant] = Expectation.Code(404),
        [Actor.Stranger] = Expectation.Code(404),
        [Actor.Admin] = Expectation.Code(404),
        [Actor.RemovedMember] = Expectation.Code(404),
        [Actor.OptedOut] = Expectation.Code(404),
    };

    private static Dictionary<Actor, Expectation> Listing(bool owner, bool grantees) => new()
    {
        [Actor.Owner] = Expectation.IsListed(owner),
        [Actor.Manager] = Expectation.IsListed(grantees),
        [Actor.Editor] = Expectation.IsListed(grantees),
        [Actor.Viewer] = Expectation.IsListed(grantees),
        [Actor.GroupMember] = Expectation.IsListed(grantees),
        [Actor.GroupAdmin] = Expectation.IsListed(grantees),
        [Actor.CollectionViewer] = Expectation.IsListed(grantees),
        [Actor.CollectionEditor] = Expectation.IsListed(grantees),
        [Actor.CollectionManager] = Expectation.IsListed(grantees),
        [Actor.ViewOnly] = Expectation.IsListed(grantees),
        [Actor.DisabledUser] = Expectation.Code(401),
        [Actor.Anonymous] = Expectation.Code(401),
    };

    private static Dictionary<Actor, Expectation> HiddenFromLists() => new()
    {
        [Actor.ExpiredGrant] = Expectation.IsListed(false),
        [Actor.RevokedGrant] = Expectation.IsListed(false),
        [Actor.Stranger] = Expectation.IsListed(false),
        [Actor.Admin] = Expectation.IsListed(false),
        [Actor.RemovedMember] = Expectation.IsListed(false),
        [Actor.OptedOut] = Expectation.IsListed(false),
    };

    /// <summary>
    /// Each grantee revokes its own grant; an expired or revoked grant is of an asset the caller no longer sees. Access
    /// through a group or a collection is no grant of the caller's own on the asset: there is nothing to leave here.
    /// </summary>
    private static Dictionary<Actor, Expectation> Leave() => new()
    {
        [Actor.Owner] = Expectation.NotApplicable,
        [Actor.Manager] = Expectation.Code(204),
        [Actor.Editor] = Expectation.Code(204),
        [Actor.Viewer] = Expectation.Code(204),
        [Actor.ExpiredGrant] = Expectation.Code(404),
        [Actor.RevokedGrant] = Expectation.Code(404),
        [Actor.Stranger] = Expectation.NotApplicable,
        [Actor.Anonymous] = Expectation.Code(401),
        [Actor.DisabledUser] = Expectation.Code(401),
        [Actor.Admin] = Expectation.NotApplicable,
        [Actor.GroupMember] = Expectation.NotApplicable,
        [Actor.GroupAdmin] = Expectation.NotApplicable,
        [Actor.RemovedMember] = Expectation.NotApplicable,
        [Actor.CollectionViewer] = Expectation.NotApplicable,
        [Actor.CollectionEditor] = Expectation.NotApplicable,
        [Actor.CollectionManager] = Expectation.NotApplicable,
        [Actor.OptedOut] = Expectation.NotApplicable,
        [Actor.ViewOnly] = Expectation.Code(204),
    };

    /// <summary>
    /// On the collection: its owner, and the holders of an active grant on it by their role (the opted-out grantee is a
    /// collection manager unless <paramref name="optedOut"/> says otherwise); everyone else signed in does not see it.
    /// </summary>
    private static Dictionary<Actor, Expectation> CollectionRoles(int owner, int manager, int editor, int viewer, int? optedOut = null)
    {
        var expected = Enum.GetValues<Actor>().ToDictionary(a => a, _ => Expectation.Code(404));
        expected[Actor.Owner] = Expectation.Code(owner);
        expected[Actor.CollectionManager] = Expectation.Code(manager);
        expected[Actor.CollectionEditor] = Expectation.Code(editor);
        expected[Actor.CollectionViewer] = Expectation.Code(viewer);
        expected[Actor.OptedOut] = Expectation.Code(optedOut ?? manager);
        expected[Actor.Anonymous] = Expectation.Code(401);
        expected[Actor.DisabledUser] = Expectation.Code(401);
        return expected;
    }

    private static Dictionary<Actor, Expectation> CollectionListing(bool owner)
    {
        var expected = Enum.GetValues<Actor>().ToDictionary(a => a, _ => Expectation.IsListed(false));
        expected[Actor.Owner] = Expectation.IsListed(owner);
        foreach (var grantee in new[] { Actor.CollectionManager, Actor.CollectionEditor, Actor.CollectionViewer, Actor.OptedOut })
        {
            expected[grantee] = Expectation.IsListed(true);
        }

        expected[Actor.Anonymous] = Expectation.Code(401);
        expected[Actor.DisabledUser] = Expectation.Code(401);
        return expected;
    }

    /// <summary>Who sees the collection sees the asset in it, unless the asset opted out and there is no other path.</summary>
    private static Dictionary<Actor, Expectation> CollectionContents()
    {
        var expected = CollectionRoles(200, 200, 200, 200);
        foreach (var actor in new[] { Actor.Owner, Actor.CollectionManager, Actor.CollectionEditor, Actor.CollectionViewer })
        {
            expected[actor] = Expectation.IsListed(true);
        }

        expected[Actor.OptedOut] = Expectation.IsListed(false);
        return expected;
    }

    /// <summary>A holder of a grant on the collection revokes it; an expired or revoked one is of a collection the caller no longer sees.</summary>
    private static Dictionary<Actor, Expectation> CollectionLeave()
    {
        var expected = Enum.GetValues<Actor>().ToDictionary(a => a, _ => Expectation.NotApplicable);
        foreach (var grantee in new[] { Actor.CollectionManager, Actor.CollectionEditor, Actor.CollectionViewer, Actor.OptedOut })
        {
            expected[grantee] = Expectation.Code(204);
        }

        expected[Actor.ExpiredGrant] = Expectation.Code(404);
        expected[Actor.RevokedGrant] = Expectation.Code(404);
        expected[Actor.Anonymous] = Expectation.Code(401);
        expected[Actor.DisabledUser] = Expectation.Code(401);
        return expected;
    }

    /// <summary>
    /// A view link on the collection answers every holder alike: <paramref name="shown"/> for the asset, or
    /// <paramref name="optedOut"/> in the arrangement where the asset does not inherit access (a view link never shows it).
    /// </summary>
    private static Dictionary<Actor, Expectation> ThroughViewLink(Expectation shown, Expectation optedOut)
    {
        var expected = Enum.GetValues<Actor>().ToDictionary(a => a, _ => shown);
        expected[Actor.OptedOut] = optedOut;
        return expected;
    }

    /// <summary>Public links ask for no token: whoever holds the link's token gets the same answer.</summary>
    private static Dictionary<Actor, Expectation> Everyone(int status) =>
        Enum.GetValues<Actor>().ToDictionary(a => a, _ => Expectation.Code(status));
}
