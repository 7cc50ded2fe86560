// Measures the access-checked reads of the API on a seeded PostgreSQL database (scripts/bench-access.sh).
//
//   AccessBench migrate
//   AccessBench run --user NAME=USER_ID:COLLECTION_ID:ASSET_ID [--user …] [--runs 200] [--warmup 20] [--plans FILE]
//
// Configuration comes from the environment like the API's (Database__Provider=Postgres, ConnectionStrings__Default,
// Jwt__SigningKey). "run" calls the API's own use-case handlers in-process, each call in a DI scope of its own as a
// request would be, as each named user, and prints (Markdown) p50/p95/p99 of the handler's wall time over the runs that
// follow the warm-up. It then captures each list statement EF Core sends (text and parameters, from EF's diagnostic
// events) and runs it again, on its own connection, as EXPLAIN (ANALYZE, BUFFERS) into the plans file.
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediaVault.Application;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.GetAsset;
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
builder.Services.AddScoped<BenchCaller>();
builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<BenchCaller>());
using var host = builder.Build();

if (args.FirstOrDefault() == "migrate")
{
    await host.Services.MigrateDatabaseAsync();
    Console.WriteLine("migrated");
    return 0;
}

if (args.FirstOrDefault() != "run")
{
    Console.Error.WriteLine("usage: AccessBench migrate | AccessBench run --user NAME=USER_ID:COLLECTION_ID:ASSET_ID … [--runs N] [--warmup N] [--plans FILE]");
    return 2;
}

var users = new List<BenchUser>();
var runs = 200;
var warmup = 20;
var plansPath = "/dev/null";
for (var i = 1; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--user":
            users.Add(BenchUser.Parse(args[i + 1]));
            break;
        case "--runs":
            runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--warmup":
            warmup = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            break;
        case "--plans":
            plansPath = args[i + 1];
            break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

var connectionString = builder.Configuration.GetConnectionString("Default")!;
var capture = new CommandCapture();
using var subscription = DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(capture));
var rows = new List<string>();
await using var plans = new StreamWriter(plansPath, append: false, Encoding.UTF8);

foreach (var user in users)
{
    Console.Error.WriteLine($"accessbench: {user.Name}…");
    var pageOne = new ListAssetsQuery(Scope: "all", Limit: 50);
    var page21 = await FollowAsync(user, pageOne, pages: 20);
    var searchShared = new ListAssetsQuery(Scope: "shared", Q: "sunset", Limit: 50);

    await MeasureListAsync(user, "GET /assets?scope=all, first page", pageOne);
    if (page21 is null)
    {
        rows.Add($"| {user.Name} | GET /assets?scope=all, page 21 | – | – | – | fewer than 21 pages |");
    }
    else
    {
        await MeasureListAsync(user, "GET /assets?scope=all, page 21", page21);
    }

    await MeasureListAsync(user, "GET /assets?scope=shared&q=sunset", searchShared);
    rows.Add($"| {user.Name} | GET /collections/{{id}}/assets | – | – | – | not yet (no handler on this branch) |");
    await MeasureAsync(user, "GET /assets/{id}", async sp =>
    {
        var result = await sp.GetRequiredService<GetAssetHandler>().HandleAsync(new GetAssetQuery(user.AssetId), CancellationToken.None);
        return result.IsSuccess ? "visible" : result.Status.ToString();
    });
    rows.Add($"| {user.Name} | POST /assets/access (100 ids) | – | – | – | not yet (no handler on this branch) |");
}

Console.WriteLine($"{runs} timed runs after {warmup} warm-up runs; handler wall time in milliseconds, each run in its own DI scope.");
Console.WriteLine();
Console.WriteLine("| user | operation | p50 | p95 | p99 | result |");
Console.WriteLine("|---|---|---:|---:|---:|---|");
foreach (var row in rows)
{
    Console.WriteLine(row);
}

return 0;

async Task<ListAssetsQuery?> FollowAsync(BenchUser user, ListAssetsQuery query, int pages)
{
    for (var page = 0; page < pages; page++)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BenchCaller>().Id = user.Id;
        var result = await scope.ServiceProvider.GetRequiredService<ListAssetsHandler>().HandleAsync(query, CancellationToken.None);
        if (!result.IsSuccess || result.Value.NextCursor is null)
        {
            return null;
        }

        query = query with { Cursor = result.Value.NextCursor };
    }

    return query;
}

async Task MeasureListAsync(BenchUser user, string operation, ListAssetsQuery query)
{
    await MeasureAsync(user, operation, async sp =>
    {
        var result = await sp.GetRequiredService<ListAssetsHandler>().HandleAsync(query, CancellationToken.None);
        return result.IsSuccess
            ? $"{result.Value.Items.Count} items{(result.Value.NextCursor is null ? ", last page" : string.Empty)}"
            : result.Status.ToString();
    });
    capture.Commands.Clear();
    capture.Enabled = true;
    try
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BenchCaller>().Id = user.Id;
        await scope.ServiceProvider.GetRequiredService<ListAssetsHandler>().HandleAsync(query, CancellationToken.None);
    }
    finally
    {
        capture.Enabled = false;
    }

    foreach (var command in capture.Commands)
    {
        await ExplainAsync($"{user.Name}: {operation}", command);
    }
}

async Task MeasureAsync(BenchUser user, string operation, Func<IServiceProvider, Task<string>> call)
{
    var times = new double[runs];
    var outcome = string.Empty;
    for (var i = -warmup; i < runs; i++)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BenchCaller>().Id = user.Id;
        var started = Stopwatch.GetTimestamp();
        outcome = await call(scope.ServiceProvider);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (i >= 0)
        {
            times[i] = elapsed;
        }
    }

    Array.Sort(times);
    rows.Add(FormattableString.Invariant(
        $"| {user.Name} | {operation} | {Percentile(times, 50):0.00} | {Percentile(times, 95):0.00} | {Percentile(times, 99):0.00} | {outcome} |"));
    Console.Error.WriteLine(FormattableString.Invariant($"  {operation}: p50 {Percentile(times, 50):0.00} ms, p95 {Percentile(times, 95):0.00} ms ({outcome})"));
}

async Task ExplainAsync(string title, NpgsqlCommand command)
{
    await plans.WriteLineAsync($"### {title}");
    await plans.WriteLineAsync();
    await plans.WriteLineAsync("```sql");
    foreach (NpgsqlParameter p in command.Parameters)
    {
        await plans.WriteLineAsync($"-- {p.ParameterName} = {Describe(p.Value)}");
    }

    await plans.WriteLineAsync(command.CommandText);
    await plans.WriteLineAsync("```");
    await plans.WriteLineAsync();
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText, connection);
    foreach (NpgsqlParameter p in command.Parameters)
    {
        explain.Parameters.Add(p.Clone());
    }

    await plans.WriteLineAsync("```");
    await using (var reader = await explain.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            await plans.WriteLineAsync(reader.GetString(0));
        }
    }

    await plans.WriteLineAsync("```");
    await plans.WriteLineAsync();
}

// Nearest rank: the smallest time at or above which p% of the runs lie.
static double Percentile(double[] sorted, int percent) =>
    sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

static string Describe(object? value) => value switch
{
    null => "NULL",
    DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
    DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
    System.Collections.IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object>()) + "]",
    _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
};

/// <summary>A user to measure as: who, one collection they can read, one asset they can see.</summary>
internal sealed record BenchUser(string Name, UserId Id, Guid CollectionId, Guid AssetId)
{
    // NAME=USER:COLLECTION:ASSET, each id a uuid or a seed name that the seeding SQL turned into md5(name)::uuid.
    public static BenchUser Parse(string value)
    {
        var (name, ids) = (value[..value.IndexOf('=', StringComparison.Ordinal)], value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(':'));
        return new BenchUser(name, new UserId(SeedId(ids[0])), SeedId(ids.ElementAtOrDefault(1) ?? string.Empty), SeedId(ids.ElementAtOrDefault(2) ?? string.Empty));
    }

    // The seeding SQL names rows md5('asset-42')::uuid: the 32 hex digits of the digest read as a uuid's text.
#pragma warning disable CA5351 // Not security: the same name-to-id mapping as PostgreSQL's md5() in the seeding SQL.
    private static Guid SeedId(string value) =>
        value.Length == 0 ? Guid.Empty : Guid.TryParse(value, out var id) ? id : Guid.ParseExact(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(value))), "N");
#pragma warning restore CA5351
}

/// <summary>The caller of the current scope, set by the benchmark before it calls a handler.</summary>
internal sealed class BenchCaller : ICurrentUser
{
    public UserId? Id { get; set; }

    public bool IsAdmin => false;
}

/// <summary>Copies of the commands EF Core is about to execute, while <see cref="Enabled"/>.</summary>
internal sealed class CommandCapture
{
    public List<NpgsqlCommand> Commands { get; } = [];

    public bool Enabled { get; set; }
}

/// <summary>Subscribes to EF Core's diagnostic listener.</summary>
internal sealed class ListenerObserver(CommandCapture capture) : IObserver<DiagnosticListener>
{
    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            value.Subscribe(new CommandObserver(capture));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}

/// <summary>Keeps a copy (text and parameters) of every command EF Core is about to execute while capture is on.</summary>
internal sealed class CommandObserver(CommandCapture capture) : IObserver<KeyValuePair<string, object?>>
{
    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (capture.Enabled && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: NpgsqlCommand command })
        {
            capture.Commands.Add(command.Clone());
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
