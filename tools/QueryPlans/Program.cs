// Migrates a PostgreSQL database, or prints the real plans of the asset list query on it.
//
//   QueryPlans migrate
//   QueryPlans explain CALLER_ID TAG
//
// Configuration comes from the environment like the API's (Database__Provider=Postgres, ConnectionStrings__Default,
// Jwt__SigningKey). "explain" runs ListAssetsHandler, the API's own use case, for several queries; each SQL command EF
// Core sends is captured from EF's diagnostic events with its parameters and run again, on its own connection, as
// EXPLAIN (ANALYZE, BUFFERS).
using System.Diagnostics;
using MediaVault.Application;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
var caller = args.Length > 1 ? new UserId(Guid.Parse(args[1])) : UserId.New();
builder.Services.AddScoped<ICurrentUser>(_ => new FixedCaller(caller));
using var host = builder.Build();

if (args.FirstOrDefault() == "migrate")
{
    await host.Services.MigrateDatabaseAsync();
    Console.WriteLine("migrated");
    return 0;
}

if (args.Length != 3 || args[0] != "explain")
{
    Console.Error.WriteLine("usage: QueryPlans migrate | QueryPlans explain CALLER_ID TAG");
    return 2;
}

var tag = args[2];
var connectionString = builder.Configuration.GetConnectionString("Default")!;
var commands = new List<NpgsqlCommand>();
using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(commands));

await ExplainAsync("scope=all, first page (limit 50)", new ListAssetsQuery(Limit: 50));
var firstPage = await RunAsync(new ListAssetsQuery(Limit: 50));
await ExplainAsync("scope=all, next page (cursor from page 1)", new ListAssetsQuery(Limit: 50, Cursor: firstPage));
var deep = new ListAssetsQuery(Limit: 50);
for (var page = 0; page < 20; page++)
{
    var next = await RunAsync(deep);
    if (next is null)
    {
        break;
    }

    deep = deep with { Cursor = next };
}

await ExplainAsync("scope=all, 21st page (cursor after 1,000 rows)", deep);
await ExplainAsync("scope=owned, first page", new ListAssetsQuery(Scope: "owned", Limit: 50));
await ExplainAsync("scope=shared, first page", new ListAssetsQuery(Scope: "shared", Limit: 50));
await ExplainAsync($"scope=all, tag={tag}", new ListAssetsQuery(Tag: tag, Limit: 50));
await ExplainAsync("scope=all, q=sunset", new ListAssetsQuery(Q: "sunset", Limit: 50));
return 0;

async Task<string?> RunAsync(ListAssetsQuery query)
{
    await using var scope = host.Services.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<ListAssetsHandler>().HandleAsync(query, CancellationToken.None);
    if (!result.IsSuccess)
    {
        throw new InvalidOperationException($"The list query failed: {result.Status}");
    }

    Console.Error.WriteLine($"  ({result.Value.Items.Count} items)");
    return result.Value.NextCursor;
}

async Task ExplainAsync(string title, ListAssetsQuery query)
{
    commands.Clear();
    await RunAsync(query);
    var command = commands.Single();
    Console.WriteLine($"### {title}");
    Console.WriteLine();
    Console.WriteLine("```sql");
    foreach (NpgsqlParameter p in command.Parameters)
    {
        Console.WriteLine($"-- {p.ParameterName} = {Describe(p.Value)}");
    }

    Console.WriteLine(command.CommandText);
    Console.WriteLine("```");
    Console.WriteLine();
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText, connection);
    foreach (NpgsqlParameter p in command.Parameters)
    {
        explain.Parameters.Add(p.Clone());
    }

    Console.WriteLine("```");
    await using (var reader = await explain.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            Console.WriteLine(reader.GetString(0));
        }
    }

    Console.WriteLine("```");
    Console.WriteLine();
}

static string Describe(object? value) => value switch
{
    null => "NULL",
    DateTimeOffset d => d.ToString("O"),
    DateTime d => d.ToString("O"),
    System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>()) + "]",
    _ => value.ToString() ?? string.Empty,
};

/// <summary>The caller whose assets are listed.</summary>
internal sealed class FixedCaller(UserId id) : ICurrentUser
{
    public UserId? Id { get; } = id;

    public bool IsAdmin => false;
    /// <summary>Not read here: every statement of the rule is sent, as for an unknown caller.</summary>
    public CallerReach? Reach => null;
}

/// <summary>Subscribes to EF Core's diagnostic listener.</summary>
internal sealed class ListenerObserver(List<NpgsqlCommand> commands) : IObserver<DiagnosticListener>
{
    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(new CommandObserver(commands));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}

/// <summary>Keeps a copy (text and parameters) of every command EF Core is about to execute.</summary>
internal sealed class CommandObserver(List<NpgsqlCommand> commands) : IObserver<KeyValuePair<string, object?>>
{
    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: NpgsqlCommand command })
        {
            commands.Add(command.Clone());
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
