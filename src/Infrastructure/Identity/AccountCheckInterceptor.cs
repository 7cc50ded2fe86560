using System.Data.Common;
using System.Runtime.CompilerServices;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// Lets the request's <see cref="DeferredAccountCheck"/> ride with its first statement on PostgreSQL (ADR-084). A
/// query gets <see cref="CheckSql"/> in front of its own text: one round trip, two statements, run in order. The check
/// reads the account's row and, when the account is gone, disabled or has another security stamp than the token's
/// claim (the stamp's SHA-256), calls <c>mv_refuse_token()</c>, which raises SQLSTATE 28000; PostgreSQL then skips the
/// rest of the batch, so nothing the request asked for is read or written for a refused token. Else its row (the
/// caller's reach) is read here and the query's own result handed on. A write that comes first (a non-query or a
/// scalar) is preceded by the check as a command of its own in the same transaction.
/// </summary>
internal sealed class AccountCheckInterceptor(IHttpContextAccessor http) : DbCommandInterceptor
{
    /// <summary>PostgreSQL's <c>invalid_authorization_specification</c>, which only <c>mv_refuse_token</c> raises mid-session.</summary>
    private const string RefusedSqlState = "28000";

    /// <summary>
    /// The check, as <see cref="AccessTokenSubjectCheck"/> makes it: the account exists, is enabled, and the token's claim
    /// is the SHA-256 of its security stamp; and the caller's reach. Plain SQL, so that a current token costs one plan
    /// the session prepared once; the refusal is the only function call.
    /// </summary>
    internal const string CheckSql = """
        SELECT EXISTS (SELECT 1 FROM group_members AS m WHERE m."UserId" = u."Id") AS "InAnyGroup",
          EXISTS (SELECT 1 FROM collection_grants AS g WHERE g."GranteeId" = u."Id" AND g."RevokedAt" IS NULL) AS "HoldsCollectionGrant"
        FROM (SELECT @mv_check_subject::uuid AS id, @mv_check_claim::bytea AS claim) AS p
        LEFT JOIN "AspNetUsers" AS u ON u."Id" = p.id
        WHERE CASE WHEN u."Id" IS NOT NULL AND NOT u."IsDisabled" AND u."SecurityStamp" <> ''
          AND p.claim = sha256(convert_to(u."SecurityStamp", 'UTF8')) THEN true ELSE mv_refuse_token() END
        """;

    private readonly ConditionalWeakTable<DbCommand, DeferredAccountCheck> _carried = [];

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Carry(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Carry(command);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (_carried.TryGetValue(command, out var check))
        {
            _carried.Remove(command);
            Settle(check, result.Read() ? ReachOf(result) : null);
            result.NextResult();
        }

        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (_carried.TryGetValue(command, out var check))
        {
            _carried.Remove(command);
            Settle(check, await result.ReadAsync(cancellationToken) ? ReachOf(result) : null);
            await result.NextResultAsync(cancellationToken);
        }

        return result;
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(command, eventData.Exception);
        return Task.CompletedTask;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        CheckAloneAsync(command, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await CheckAloneAsync(command, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        CheckAloneAsync(command, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await CheckAloneAsync(command, cancellationToken);
        return result;
    }

    /// <summary>Whether <paramref name="exception"/> is the database refusing the request's access token.</summary>
    private static bool IsRefusal(Exception? exception) => TransientFaults.IsPostgresError(exception, RefusedSqlState);

    private DeferredAccountCheck? Take() =>
        http.HttpContext?.Features.Get<DeferredAccountCheck>() is { } check && check.TryTake() ? check : null;

    private void Carry(DbCommand command)
    {
        if (Take() is not { } check)
        {
            return;
        }

        command.CommandText = CheckSql + ";\n" + command.CommandText;
        AddParameters(command, check);
        _carried.AddOrUpdate(command, check);
    }

    private async Task CheckAloneAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (Take() is not { } check)
        {
            return;
        }

        try
        {
            await using var alone = command.Connection!.CreateCommand();
            alone.Transaction = command.Transaction;
            alone.CommandText = CheckSql;
            AddParameters(alone, check);
            await using var reader = await alone.ExecuteReaderAsync(cancellationToken);
            Settle(check, await reader.ReadAsync(cancellationToken) ? ReachOf(reader) : null);
        }
        catch (Exception exception)
        {
            Settle(check, exception);
            throw;
        }
    }

    private void Failed(DbCommand command, Exception exception)
    {
        if (_carried.TryGetValue(command, out var check))
        {
            _carried.Remove(command);
            Settle(check, exception);
        }
    }

    private static void Settle(DeferredAccountCheck check, CallerReach? reach)
    {
        if (reach is null)
        {
            check.GiveBack();
        }
        else
        {
            check.Pass(reach);
        }
    }

    /// <summary>
    /// A refusal settles it. Any other failure leaves it to be checked again: it may have come from the check's own
    /// statement (a timeout, a lost connection) as well as from the statements after it.
    /// </summary>
    private static void Settle(DeferredAccountCheck check, Exception exception)
    {
        if (IsRefusal(exception))
        {
            check.Refuse();
        }
        else
        {
            check.GiveBack();
        }
    }

    private static CallerReach ReachOf(DbDataReader reader) => new(reader.GetBoolean(0), reader.GetBoolean(1));

    private static void AddParameters(DbCommand command, DeferredAccountCheck check)
    {
        command.Parameters.Add(new NpgsqlParameter("mv_check_subject", check.Subject));
        command.Parameters.Add(new NpgsqlParameter("mv_check_claim", check.ClaimDigest));
    }
}
