namespace MediaVault.Application.Assets;

/// <summary>
/// The messages of the expected conflicts of the asset use cases. The host recognises <see cref="QuotaExceeded"/> to
/// give that conflict its own problem type.
/// </summary>
public static class AssetErrors
{
    public const string QuotaExceeded = "The file does not fit in your storage quota.";

    public const string NoStorageAccount = "Your account has no storage yet; sign in again once your account is set up.";

    public const string NotUploaded = "No uploaded object was found; upload the bytes to the upload URL first.";

    public const string StoredObjectMismatch = "The uploaded object does not have the declared size and content type.";

    public const string MultipartNotCompleted = "The multipart upload could not be completed: a part is missing, out of order or has a wrong ETag.";

    public const string NotReady = "The asset's upload has not completed yet.";

    public const string IntegrityMismatch = "The stored bytes do not match the declared SHA-256 digest; delete the asset and upload it again.";

    public const string RenditionPending = "The rendition is still being made; try again shortly.";

    public const string RenditionFailed = "The rendition could not be made from the stored file.";
}
