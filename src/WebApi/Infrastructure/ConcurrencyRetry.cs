using Microsoft.EntityFrameworkCore;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Runs a use case, and once more in a fresh unit of work if its save lost an optimistic-concurrency race (for instance
/// two uploads reserving an owner's quota at once: the loser re-reads the owner and decides again). A second loss
/// becomes a 409 through the exception handler.
/// </summary>
internal static class ConcurrencyRetry
{
    public static async Task<TResult> OnceAsync<THandler, TResult>(HttpContext context, THandler handler, Func<THandler, Task<TResult>> run)
        where THandler : notnull
    {
        try
        {
            return await run(handler);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            return await run(scope.ServiceProvider.GetRequiredService<THandler>());
        }
    }
}
