using System.Security.Cryptography;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace MediaVault.Integration.Tests.Storage;

/// <summary>The embedded store's signed URLs and file handling, on a real temp folder.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class FileSystemObjectStorageTests : IDisposable
{
    private const string Key = "assets/owner/asset";
    private readonly string _root = Directory.CreateTempSubdirectory("mediavault-fs-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly FileSystemObjectStorage _storage;

    public FileSystemObjectStorageTests() =>
        _storage = new FileSystemObjectStorage(_root, new Uri("https://media.example/base/"), RandomNumberGenerator.GetBytes(32), _clock);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task PresignPut_GivesAnAbsoluteUrlUnderThePublicBaseUrlThatAuthorizesExactlyItsRequest()
    {
        var put = await _storage.PresignPutAsync(Key, "image/png", 10, _clock.GetUtcNow().AddMinutes(5), CancellationToken.None);

        put.Url.ToString().ShouldStartWith("https://media.example/base/api/v1/storage/objects/assets/owner/asset?");
        put.Headers.ShouldBe(new Dictionary<string, string> { ["Content-Type"] = "image/png" });
        _storage.IsAuthorized(Request(put.Url, "PUT", Key, "image/png")).ShouldBeTrue();
    }

    [Test]
    public async Task IsAuthorized_WhenAnythingSignedDiffers_IsFalse()
    {
        var url = (await _storage.PresignPutAsync(Key, "image/png", 10, _clock.GetUtcNow().AddMinutes(5), CancellationToken.None)).Url;
        var signed = Request(url, "PUT", Key, "image/png");

        _storage.IsAuthorized(signed with { Method = "GET" }).ShouldBeFalse();
        _storage.IsAuthorized(signed with { Key = "assets/owner/other" }).ShouldBeFalse();
        _storage.IsAuthorized(signed with { ContentType = "image/gif" }).ShouldBeFalse();
        _storage.IsAuthorized(signed with { Size = 11 }).ShouldBeFalse();
        _storage.IsAuthorized(signed with { Expires = signed.Expires + 3600 }).ShouldBeFalse();
        _storage.IsAuthorized(signed with { Signature = "AAAA" + signed.Signature[4..] }).ShouldBeFalse();
        _storage.IsAuthorized(signed with { Signature = "not base64!" }).ShouldBeFalse();
    }

    [Test]
    public async Task IsAuthorized_AfterTheUrlExpired_IsFalse()
    {
        var url = (await _storage.PresignPutAsync(Key, "image/png", 10, _clock.GetUtcNow().AddMinutes(5), CancellationToken.None)).Url;

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        _storage.IsAuthorized(Request(url, "PUT", Key, "image/png")).ShouldBeFalse();
    }

    [Test]
    public async Task PresignGet_SignsTheResponseHeadersWithAnRfc6266FileName()
    {
        var url = await _storage.PresignGetAsync(Key, "Été à Paris \"1\".jpg", "image/jpeg", DownloadDisposition.Inline, _clock.GetUtcNow().AddMinutes(5), CancellationToken.None);
        var query = QueryHelpers.ParseQuery(url.Query);
        var disposition = query["response-content-disposition"].ToString();

        disposition.ShouldBe("inline; filename=\"_t_ _ Paris _1_.jpg\"; filename*=UTF-8''%C3%89t%C3%A9%20%C3%A0%20Paris%20%221%22.jpg");
        var signed = new SignedObjectRequest("GET", Key, long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture), query["sig"]!, Disposition: disposition, ResponseContentType: "image/jpeg");
        _storage.IsAuthorized(signed).ShouldBeTrue();
        _storage.IsAuthorized(signed with { Disposition = disposition.Replace("inline", "attachment", StringComparison.Ordinal) }).ShouldBeFalse();
    }

    [TestCase("../outside")]
    [TestCase("assets/../../outside")]
    [TestCase("/etc/passwd")]
    [TestCase(".tmp/file")]
    [TestCase(".multipart/0123456789abcdef0123456789abcdef/upload.json")]
    [TestCase("assets/x.meta.json")]
    [TestCase("assets\\x")]
    [TestCase("assets//x")]
    public void PathFor_WhenKeyWouldLeaveTheRootOrEnterItsWorkingFolders_Refuses(string key) =>
        Should.Throw<ArgumentException>(() => _storage.PathFor(key));

    [Test]
    public async Task ReceiveObject_WhenBodyIsLargerThanSigned_StopsReadingAtOneByteTooManyAndStoresNothing()
    {
        await using var body = new CountingStream(10 * 1024 * 1024);

        var outcome = await _storage.ReceiveObjectAsync(Key, "image/png", 1000, body, CancellationToken.None);

        outcome.ShouldBe(ReceiveOutcome.TooLarge);
        body.BytesRead.ShouldBe(1001);
        (await _storage.HeadAsync(Key, CancellationToken.None)).ShouldBeNull();
        Directory.EnumerateFiles(Path.Combine(_root, ".tmp")).ShouldBeEmpty();
    }

    [Test]
    public async Task ReceiveObject_WhenBodyIsShorterThanSigned_StoresNothing()
    {
        await using var body = new CountingStream(999);

        (await _storage.ReceiveObjectAsync(Key, "image/png", 1000, body, CancellationToken.None)).ShouldBe(ReceiveOutcome.TooSmall);
        (await _storage.HeadAsync(Key, CancellationToken.None)).ShouldBeNull();
    }

    [Test]
    public async Task CompleteMultipart_WithWrongETagOrOrder_IsRefusedAndWithTheRightOnes_AssemblesTheParts()
    {
        var uploadId = await _storage.StartMultipartUploadAsync(Key, "video/mp4", CancellationToken.None);
        var (_, etag1) = await _storage.ReceivePartAsync(Key, uploadId, 1, 3, new MemoryStream([1, 2, 3]), CancellationToken.None);
        var (_, etag2) = await _storage.ReceivePartAsync(Key, uploadId, 2, 2, new MemoryStream([4, 5]), CancellationToken.None);

        (await _storage.CompleteMultipartUploadAsync(Key, uploadId, [new(1, etag1!), new(2, "\"wrong\"")], CancellationToken.None)).ShouldBeFalse();
        (await _storage.CompleteMultipartUploadAsync(Key, uploadId, [new(2, etag2!), new(1, etag1!)], CancellationToken.None)).ShouldBeFalse();
        (await _storage.CompleteMultipartUploadAsync(Key, uploadId, [new(1, etag1!), new(2, etag2!)], CancellationToken.None)).ShouldBeTrue();

        (await _storage.HeadAsync(Key, CancellationToken.None)).ShouldBe(new StoredObject(5, "video/mp4"));
        (await File.ReadAllBytesAsync(_storage.PathFor(Key))).ShouldBe(new byte[] { 1, 2, 3, 4, 5 });
        (await _storage.CompleteMultipartUploadAsync(Key, uploadId, [new(1, etag1!), new(2, etag2!)], CancellationToken.None)).ShouldBeFalse();
    }

    private static SignedObjectRequest Request(Uri url, string method, string key, string? contentType)
    {
        var query = QueryHelpers.ParseQuery(url.Query);
        return new SignedObjectRequest(
            method,
            key,
            long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture),
            query["sig"]!,
            query.TryGetValue("size", out var size) ? long.Parse(size!, System.Globalization.CultureInfo.InvariantCulture) : null,
            contentType);
    }

    /// <summary>An endless-looking body of <paramref name="length"/> bytes that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
