// Measures the access-checked reads of the API on a seeded PostgreSQL database (scripts/bench-access.sh).
//
//   AccessBench migrate
//   AccessBench run --user NAME=USER_ID:COLLECTION_ID:ASSET_ID [--user …] [--runs 200] [--warmup 20] [--budget 60] [--plans FILE]
//
// Configuration comes from the environment like the API's (Database__Provider=Postgres, ConnectionStrings__Default,
// Jwt__SigningKey). "run" calls the API's own use-case handlers in-process, each call in a DI scope of its own as a
// request would be, as each named user, and prints (Markdown) p50/p95/p99 of the handler's wall time over the runs that
// follow the warm-up (fewer, but at least 20, when an operation's timed runs exceed --budget seconds). It then captures each list statement EF Core sends (text and parameters, from EF's diagnostic
// events) and runs it again, on its own connection, as EXPLAIN (ANALYZE, BUFFERS) into the plans file.
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediaVault.Application;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Access;
using MediaVault.Application.Access.CheckAccess;
using MediaVault.Application.Assets.GetAsset;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Collections.ListCollectionAssets;
using MediaVault.Domain.Assets;
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
var budgetSeconds = 60.0;
const int MinRuns = 20;
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
        case "--budget":
            budgetSeconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
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
var failures = new List<string>();
await using var plans = new StreamWriter(plansPath, append: false, Encoding.UTF8);

foreach (var user in users)
{
    Console.Error.WriteLine($"accessbench: {user.Name}…");
    var pageOne = new ListAssetsQuery(Scope: "all", Limit: 50);
    var searchShared = new ListAssetsQuery(Scope: "shared", Q: "sunset", Limit: 50);
    string? handlerFailure = null;
    try
    {
        await FollowAsync(user, pageOne, pages: 1);
    }
    catch (InvalidOperationException e)
    {
        // The list handler cannot run (on this branch, EF Core refused to translate its statement): measure the
        // statement of its arms (EffectiveAccessQuery.VisiblePage, the part that grows with the data) instead.
        handlerFailure = e.Message;
        failures.Add($"ListAssetsHandler fails for {user.Name}: {e.GetType().Name}: {e.Message}");
    }

    if (handlerFailure is null)
    {
        var page21 = await FollowAsync(user, pageOne, pages: 20);
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
    }
    else
    {
        var first = new ArmsQuery(Owned: true, Shared: true, Q: null, After: null);
        var page21 = await FollowArmsAsync(user, first, pages: 20);
        await MeasureArmsAsync(user, "GET /assets?scope=all, first page (SQL of the arms only: handler fails)", first);
        if (page21 is null)
        {
            rows.Add($"| {user.Name} | GET /assets?scope=all, page 21 | – | – | – | fewer than 21 pages |");
        }
        else
        {
            await MeasureArmsAsync(user, "GET /assets?scope=all, page 21 (SQL of the arms only: handler fails)", page21);
        }

        await MeasureArmsAsync(user, "GET /assets?scope=shared&q=sunset (SQL of the arms only: handler fails)", new ArmsQuery(Owned: false, Shared: true, Q: "sunset", After: null));
    }

    await MeasureCollectionAsync(user);
    await MeasureAsync(user, "GET /assets/{id}", async sp =>
    {
        var result = await sp.GetRequiredService<GetAssetHandler>().HandleAsync(new GetAssetQuery(user.AssetId), CancellationToken.None);
        return result.IsSuccess ? "visible" : result.Status.ToString();
    });
    await MeasureBatchCheckAsync(user);
}

Console.WriteLine($"{runs} timed runs (or at least {MinRuns} within {budgetSeconds} s) after {warmup} warm-up runs; handler wall time in milliseconds, each run in its own DI scope.");
Console.WriteLine();
foreach (var failure in failures)
{
    Console.WriteLine($"- {failure}");
}

if (failures.Count > 0)
{
    Console.WriteLine();
}

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
    await ExplainCapturedAsync(user, operation, sp => sp.GetRequiredService<ListAssetsHandler>().HandleAsync(query, CancellationToken.None));
}

async Task MeasureAsync(BenchUser user, string operation, Func<IServiceProvider, Task<string>> call)
{
    try
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BenchCaller>().Id = user.Id;
        await call(scope.ServiceProvider);
    }
    catch (InvalidOperationException e)
    {
        // EF Core could not translate the statement: report it in the table instead of a time.
        rows.Add($"| {user.Name} | {operation} | – | – | – | fails: {e.Message.Split('.')[0]} |");
        failures.Add($"{operation} fails for {user.Name}: {e.GetType().Name}: {e.Message}");
        Console.Error.WriteLine($"  {operation}: fails ({e.Message})");
        return;
    }

    var times = new List<double>(runs);
    var outcome = string.Empty;
    var budget = Stopwatch.StartNew();
    for (var i = -warmup; i < runs; i++)
    {
        // A slow operation stops after its time budget once it has MinRuns timed runs (and says how many it had).
        if (i >= MinRuns && budget.Elapsed.TotalSeconds > budgetSeconds)
        {
            break;
        }

        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BenchCaller>().Id = user.Id;
        var started = Stopwatch.GetTimestamp();
        outcome = await call(scope.ServiceProvider);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (i >= 0)
        {
            times.Add(elapsed);
        }
        else if (i == -1)
        {
            budget.Restart();
        }
    }

    var sorted = times.Order().ToArray();
    var runsNote = sorted.Length < runs ? $" ({sorted.Length} runs: time budget)" : string.Empty;
    rows.Add(FormattableString.Invariant(
        $"| {user.Name} | {operation} | {Percentile(sorted, 50):0.00} | {Percentile(sorted, 95):0.00} | {Percentile(sorted, 99):0.00} | {outcome}{runsNote} |"));
    Console.Error.WriteLine(FormattableString.Invariant($"  {operation}: p50 {Percentile(sorted, 50):0.00} ms, p95 {Percentile(sorted, 95):0.00} ms ({outcome}{runsNote})"));
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

// The keyset arms of a list page as one statement (EffectiveAccessQuery.VisiblePage, limit 50 + 1), each row reduced
// to a few columns: what the list handler sends without its projection (tags, renditions, the caller's roles).
async Task<List<(DateTimeOffset CreatedAt, Guid Id)>> ArmsAsync(IServiceProvider sp, BenchUser user, ArmsQuery query)
{
    var queries = sp.GetRequiredService<IQueryRunner>();
    var sources = AccessSources.From(queries);
    var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
    var page = EffectiveAccessQuery.VisiblePage(
        sources, user.Id, now, query.Owned, query.Shared, a => VisibleAssetsPageQuery.Filter(a, null, null, query.Q), query.After, 51);
    var found = await queries.ListAsync(page.Select(a => new { a.Id, a.CreatedAt, a.Title, a.OwnerId, a.Status }), CancellationToken.None);
    return found.Select(a => (a.CreatedAt, a.Id.Value)).ToList();
}

async Task<ArmsQuery?> FollowArmsAsync(BenchUser user, ArmsQuery query, int pages)
{
    for (var page = 0; page < pages; page++)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var found = await ArmsAsync(scope.ServiceProvider, user, query);
        if (found.Count <= 50)
        {
            return null;
        }

        query = query with { After = (found[49].CreatedAt, new AssetId(found[49].Id)) };
    }

    return query;
}

async Task MeasureArmsAsync(BenchUser user, string operation, ArmsQuery query)
{
    await MeasureAsync(user, operation, async sp =>
    {
        var found = await ArmsAsync(sp, user, query);
        return $"{Math.Min(found.Count, 50)} items{(found.Count <= 50 ? ", last page" : string.Empty)}";
    });
    await ExplainCapturedAsync(user, operation, sp => ArmsAsync(sp, user, query));
}

// GET /collections/{id}/assets: the handler (the collection and the caller's memberships, then the page of its entries
// the caller may see, projected as a list page).
async Task MeasureCollectionAsync(BenchUser user)
{
    const string operation = "GET /collections/{id}/assets, first page";
    var query = new ListCollectionAssetsQuery(user.CollectionId);
    await MeasureAsync(user, operation, async sp =>
    {
        var result = await sp.GetRequiredService<ListCollectionAssetsHandler>().HandleAsync(query, CancellationToken.None);
        return result.IsSuccess ? $"{result.Value.Items.Count} items" : result.Status.ToString();
    });
    await ExplainCapturedAsync(user, operation, sp => sp.GetRequiredService<ListCollectionAssetsHandler>().HandleAsync(query, CancellationToken.None));
}

// POST /assets/access with 100 ids (half from the caller's first page, half the newest assets of the system): the
// handler (the assets' own state and every active path, IAccessPaths / EffectiveAccessQuery.PathsOf).
async Task MeasureBatchCheckAsync(BenchUser user)
{
    const string operation = "POST /assets/access, 100 ids";
    List<Guid?> ids;
    await using (var scope = host.Services.CreateAsyncScope())
    {
        scope.ServiceProvider.GetRequiredService<BenchCaller>().Id = user.Id;
        var first = await ArmsAsync(scope.ServiceProvider, user, new ArmsQuery(Owned: true, Shared: true, Q: null, After: null));
        var chosen = first.Take(50).Select(i => i.Id).ToList();
        chosen.AddRange(Enumerable.Range(1, 100).Select(i => BenchUser.SeedId($"asset-{i}")).Except(chosen).Take(100 - chosen.Count));
        ids = [.. chosen.Select(id => (Guid?)id)];
    }

    var query = new CheckAccessQuery(ids);
    await MeasureAsync(user, operation, async sp =>
    {
        var result = await sp.GetRequiredService<CheckAccessHandler>().HandleAsync(query, CancellationToken.None);
        return result.IsSuccess ? $"{result.Value.Count(a => a.Access.CanView)} of {ids.Count} visible or owned" : result.Status.ToString();
    });
    await ExplainCapturedAsync(user, operation, sp => sp.GetRequiredService<CheckAccessHandler>().HandleAsync(query, CancellationToken.None));
}

async Task ExplainCapturedAsync<T>(BenchUser user, string operation, Func<IServiceProvider, Task<T>> call)
{
    capture.Commands.Clear();
    capture.Enabled = true;
    try
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<BenchCaller>().Id = user.Id;
        await call(scope.ServiceProvider);
    }
    catch (InvalidOperationException)
    {
        return; // reported by MeasureAsync
    }
    finally
    {
        capture.Enabled = false;
    }

    foreach (var command in capture.Commands.ToList())
    {
        await ExplainAsync($"{user.Name}: {operation}", command);
    }
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
    public static Guid SeedId(string value) =>
        value.Length == 0 ? Guid.Empty : Guid.TryParse(value, out var id) ? id : Guid.ParseExact(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(value))), "N");
#pragma warning restore CA5351
}

/// <summary>A list page as the arms of <see cref="EffectiveAccessQuery.VisiblePage"/> take it.</summary>
internal sealed record ArmsQuery(bool Owned, bool Shared, string? Q, (DateTimeOffset CreatedAt, AssetId Id)? After);

/// <summary>The caller of the current scope, set by the benchmark before it calls a handler.</summary>
internal sealed class BenchCaller : ICurrentUser
{
    public UserId? Id { get; set; }

    public bool IsAdmin => false;
    /// <summary>Not read here: every statement of the rule is sent, as for an unknown caller.</summary>
    public CallerReach? Reach => null;
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
