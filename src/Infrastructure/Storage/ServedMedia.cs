namespace MediaVault.Infrastructure.Storage;

/// <summary>
/// The response headers every response that serves stored bytes carries, so that an uploaded file can never run script
/// on the origin that serves it (where the API's own pages keep tokens), be sniffed into another type, or be cached by
/// a shared cache.
/// </summary>
public static class ServedMedia
{
    public const string ContentTypeOptions = "nosniff";

    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";

    public const string CacheControl = "private, no-store";
}
