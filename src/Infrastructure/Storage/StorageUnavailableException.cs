namespace MediaVault.Infrastructure.Storage;

/// <summary>The object store did not answer; the API turns this into a prompt 503.</summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
