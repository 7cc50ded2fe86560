namespace MediaVault.Application.Abstractions;

/// <summary>
/// Lets a use case run several steps in one database transaction: statements of ports such as
/// <see cref="ILinkDownloadCounter"/> and the repositories' saves all join it, and so does a mail queued with
/// <see cref="IEmailSender"/> (it is a row, sent after the commit). Never call the object store while it is open.
/// </summary>
public interface IUnitOfWork
{
    Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken cancellationToken);
}

/// <summary>An open transaction: disposed without <see cref="CommitAsync"/>, everything in it is rolled back.</summary>
public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
