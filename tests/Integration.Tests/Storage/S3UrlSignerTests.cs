using System.Globalization;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace MediaVault.Integration.Tests.Storage;

/// <summary>
/// The S3 URL signer against AWS's published Signature Version 4 example and against the AWS SDK's own presigned URLs
/// (same endpoint, credentials, instant and lifetime: the same URL, parameter for parameter). No server is needed: a
/// presigned URL is computed locally. That s3rver accepts them is proven by every S3 upload and download test.
/// </summary>
public sealed class S3UrlSignerTests
{
    private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static readonly S3StorageOptions Local = new()
    {
        ServiceUrl = new Uri("http://127.0.0.1:9000"),
        Region = "us-east-1",
        Bucket = "media",
        ForcePathStyle = true,
    };

    private static readonly S3StorageOptions Aws = new() { Region = "eu-west-1", Bucket = "media-eu" };

    [Test]
    public void Presign_OfAwsPublishedExample_GivesItsSignature()
    {
        // "Authenticating Requests: Using Query Parameters (AWS Signature Version 4)", Amazon S3 API reference.
        var signer = new S3UrlSigner(new Uri("https://examplebucket.s3.amazonaws.com"), "us-east-1", new BasicAWSCredentials(AccessKey, SecretKey));

        var url = signer.Presign("GET", "test.txt", new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromSeconds(86400));

        url.ToString().ShouldBe(
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z"
            + "&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    [Test]
    public async Task PresignPut_WithSignedTypeAndLength_IsTheUrlTheSdkSigns()
    {
        var sdk = new GetPreSignedUrlRequest { BucketName = Local.Bucket, Key = "staging/0f/asset", Verb = HttpVerb.PUT, ContentType = "image/png" };
        sdk.Headers.ContentLength = 1234;

        await ShouldMatchSdkAsync(Local, sdk, "PUT", "staging/0f/asset", headers: [new("content-length", "1234"), new("content-type", "image/png")]);
    }

    [Test]
    public async Task PresignPart_IsTheUrlTheSdkSigns()
    {
        // (Not a "+" in the id: the SDK signs it as %2B but writes it raw into the URL, where it reads as a space.)
        var sdk = new GetPreSignedUrlRequest { BucketName = Local.Bucket, Key = "staging/0f/asset", Verb = HttpVerb.PUT, UploadId = "up/load=id", PartNumber = 7 };

        var ours = await ShouldMatchSdkAsync(Local, sdk, "PUT", "staging/0f/asset", query: [new("partNumber", "7"), new("uploadId", "up/load=id")]);

        ours.Query.ShouldContain("&uploadId=up%2Fload%3Did");
    }

    [Test]
    public async Task PresignGet_WithResponseOverrides_IsTheUrlTheSdkSigns()
    {
        const string Disposition = "attachment; filename=\"R\u00e9sum\u00e9 (1).png\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%281%29.png";
        var sdk = new GetPreSignedUrlRequest { BucketName = Aws.Bucket, Key = "assets/ab/c-d", Verb = HttpVerb.GET };
        sdk.ResponseHeaderOverrides.ContentDisposition = Disposition;
        sdk.ResponseHeaderOverrides.CacheControl = "private, no-store";
        sdk.ResponseHeaderOverrides.ContentType = "image/png";

        await ShouldMatchSdkAsync(
            Aws,
            sdk,
            "GET",
            "assets/ab/c-d",
            query:
            [
                new("response-cache-control", "private, no-store"),
                new("response-content-disposition", Disposition),
                new("response-content-type", "image/png"),
            ]);
    }

    [Test]
    public async Task Presign_WithTemporaryCredentials_SignsTheSessionToken()
    {
        var credentials = new SessionAWSCredentials(AccessKey, SecretKey, "token/with+symbols=");
        var sdk = new GetPreSignedUrlRequest { BucketName = Local.Bucket, Key = "assets/x", Verb = HttpVerb.GET };

        var ours = await ShouldMatchSdkAsync(Local, sdk, "GET", "assets/x", credentials: credentials);

        QueryHelpers.ParseQuery(ours.Query)["X-Amz-Security-Token"].ToString().ShouldBe("token/with+symbols=");
    }

    [TestCase(0)]
    [TestCase(7 * 24 * 3600 + 1)]
    public void Presign_OutsideS3sLifetimeLimits_IsRefused(int seconds)
    {
        var signer = new S3UrlSigner(S3UrlSigner.BucketEndpoint(Local), Local.Region, new BasicAWSCredentials(AccessKey, SecretKey));

        Should.Throw<ArgumentOutOfRangeException>(() => signer.Presign("GET", "k", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(seconds)));
    }

    /// <summary>The SDK's URL for <paramref name="sdk"/>, then ours at its instant and lifetime: equal in every part.</summary>
    private static async Task<Uri> ShouldMatchSdkAsync(
        S3StorageOptions options,
        GetPreSignedUrlRequest sdk,
        string method,
        string key,
        IReadOnlyList<KeyValuePair<string, string>>? query = null,
        IReadOnlyList<KeyValuePair<string, string>>? headers = null,
        AWSCredentials? credentials = null)
    {
        credentials ??= new BasicAWSCredentials(AccessKey, SecretKey);
        var config = new AmazonS3Config { ForcePathStyle = options.ForcePathStyle, AuthenticationRegion = options.Region };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl.ToString();
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }

        using var client = new AmazonS3Client(credentials, config);
        sdk.Expires = DateTime.UtcNow.AddHours(1);
        sdk.Protocol = options.ServiceUrl?.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS;
        var theirs = new Uri(await client.GetPreSignedURLAsync(sdk));
        var theirQuery = QueryHelpers.ParseQuery(theirs.Query);
        var instant = DateTimeOffset.ParseExact(theirQuery["X-Amz-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var lifetime = TimeSpan.FromSeconds(int.Parse(theirQuery["X-Amz-Expires"].ToString(), CultureInfo.InvariantCulture));

        var ours = new S3UrlSigner(S3UrlSigner.BucketEndpoint(options), options.Region, credentials).Presign(method, key, instant, lifetime, query, headers);

        ours.GetLeftPart(UriPartial.Path).ShouldBe(theirs.GetLeftPart(UriPartial.Path));
        var ourQuery = QueryHelpers.ParseQuery(ours.Query);
        ourQuery.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")
            .ShouldBe(theirQuery.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return ours;
    }
}
