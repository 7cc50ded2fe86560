using System.Data.Common;
using MediaVault.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore.Storage;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>Tells faults of the database or the object store (answer 503, try again) from bugs (answer 500).</summary>
public static class TransientFaults
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or StorageUnavailableException or RetryLimitExceededException or System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
