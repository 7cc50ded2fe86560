using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MediaVault.Application.Assets.ProcessMedia;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Jobs;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Media;

/// <summary>
/// A media job interrupted by killing the worker's process (SIGKILL, as <c>kill -9</c>) completes after a restart.
/// The application runs as a real child process (<c>dotnet MediaVault.WebApi.dll</c>) on the test's database, with
/// its object store pointed at a socket that accepts and never answers: the worker claims the job and hangs reading the
/// object, so the kill lands mid-job every time, with no race. PostgreSQL + S3 only: the embedded store reads local
/// files and cannot be made to hang; the same crash on SQLite and the embedded store, as the database sees it, is
/// <see cref="MediaProcessingTests"/>' <c>Process_OfAJobWhoseWorkerWasKilled_…</c>. 8 to 18 s here, most of it the
/// child process starting.
/// </summary>
[TestFixture(DatabaseProvider.Postgres, StorageProvider.S3)]
public sealed class MediaWorkerKillTests(DatabaseProvider provider, StorageProvider storage)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Process_WhenTheWorkersProcessIsKilledMidJob_CompletesOnTheRestartedHostOnceTheLeasePassed()
    {
        // The in-process host only takes the upload (media processing off: its worker must not claim the job).
        var api = await MediaVaultApi.StartAsync(provider, storage, new Dictionary<string, string?>
        {
            ["Media:Enabled"] = "false",
            ["Jobs:PollIntervalMilliseconds"] = "200",
            ["Jobs:LeaseSeconds"] = "2",
        });
        MediaVaultApi? restarted = null;
        try
        {
            var owner = await api.AccountAsync();
            using var client = api.ClientFor(owner.Value);
            using var store = api.StoreClient(storage);
            var png = TestMedia.TransparentPng(160, 80);
            var registered = await client.RegisterAsync("killed.png", "image/png", png.Length);
            (await store.PutAsync(registered.GetProperty("upload"), png)).StatusCode.ShouldBe(HttpStatusCode.OK);
            var id = registered.GetProperty("asset").GetProperty("id").GetGuid();
            (await client.CompleteAsync(id)).StatusCode.ShouldBe(HttpStatusCode.OK);

            using (var silentStore = new SilentServer())
            using (var worker = new ChildHost(api.Settings, new Dictionary<string, string?>
            {
                ["Media:Enabled"] = "true",
                ["Storage:S3:ServiceUrl"] = silentStore.Url.ToString(),
            }))
            {
                var running = await RunningJobAsync(api, id, worker);
                running.LockedBy.ShouldStartWith($"{Environment.MachineName}:{worker.ProcessId}:");
                running.Attempts.ShouldBe(1);

                worker.Kill();
            }

            restarted = await api.RestartAsync(new Dictionary<string, string?> { ["Media:Enabled"] = "true" });
            using var restartedClient = restarted.ClientFor(owner.Value);
            var asset = await ProcessedAsync(restartedClient, id);

            var renditions = asset.GetProperty("renditions").EnumerateArray()
                .Select(r => (r.GetProperty("name").GetString(), r.GetProperty("status").GetString(), r.GetProperty("width").GetInt32()))
                .OrderBy(r => r.Item1, StringComparer.Ordinal);
            renditions.ShouldBe([("preview", "ready", 160), ("thumbnail", "ready", 160)]);
            asset.GetProperty("integrity").GetString().ShouldBe("verified");
            asset.GetProperty("sha256").GetString().ShouldBe(Uploads.Sha256Of(png));
            var job = await JobAsync(restarted, id);
            job.Attempts.ShouldBe(2, "the killed process's attempt and the one that took over");
        }
        finally
        {
            await (restarted ?? api).DisposeAsync();
        }
    }

    // The asset's media.process job once the child process holds it (bounded wait: the child starts in a few seconds).
    private static async Task<Job> RunningJobAsync(MediaVaultApi api, Guid assetId, ChildHost worker)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            var job = await JobAsync(api, assetId);
            if (job.State == JobStates.Running)
            {
                return job;
            }

            worker.HasExited.ShouldBeFalse($"the application process stopped: {worker.Output}");
            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"the application process did not claim the job (it is {job.State}): {worker.Output}");
            await Task.Delay(100);
        }
    }

    private static Task<Job> JobAsync(MediaVaultApi api, Guid assetId) => api.WithDbAsync(db => db.Jobs.AsNoTracking()
        .SingleAsync(j => j.Kind == MediaJobs.ProcessKind && j.DedupeKey == assetId.ToString()));

    // Polls the asset (bounded) until its integrity is settled and no rendition is pending.
    private static async Task<JsonElement> ProcessedAsync(HttpClient client, Guid id)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (true)
        {
            var asset = await (await client.GetAsync(Url($"/api/v1/assets/{id}"))).ShouldBeJsonAsync();
            var done = asset.GetProperty("integrity").GetString() != "unverified"
                && asset.GetProperty("renditions").EnumerateArray().All(r => r.GetProperty("status").GetString() != "pending");
            if (done)
            {
                return asset;
            }

            DateTimeOffset.UtcNow.ShouldBeLessThan(deadline, $"asset {id} was not processed in time: {asset}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The application as a real process: <c>dotnet MediaVault.WebApi.dll</c> from the test's output folder, configured
    /// through environment variables (the operator's keys with <c>__</c>), listening on a free loopback port.
    /// </summary>
    private sealed class ChildHost : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _lines = new();

        public ChildHost(IReadOnlyDictionary<string, string?> settings, IDictionary<string, string?> overrides)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MediaVault.WebApi.dll"));
            var configuration = new Dictionary<string, string?>(settings) { ["App:DataDirectory"] = Directory.CreateTempSubdirectory("mediavault-data-").FullName };
            foreach (var (key, value) in overrides)
            {
                configuration[key] = value;
            }

            foreach (var (key, value) in configuration)
            {
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            _process.OutputDataReceived += (_, e) => Keep(e.Data);
            _process.ErrorDataReceived += (_, e) => Keep(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public int ProcessId => _process.Id;

        public bool HasExited => _process.HasExited;

        /// <summary>The last lines the process wrote, for a failure message.</summary>
        public string Output => string.Join('\n', _lines);

        /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown, no job handed back.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            _lines.Enqueue(line);
            while (_lines.Count > 40)
            {
                _lines.TryDequeue(out _);
            }
        }
    }

    /// <summary>A loopback socket that accepts connections and never answers: a store whose reads hang.</summary>
    private sealed class SilentServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly ConcurrentBag<Socket> _held = [];
        private readonly CancellationTokenSource _stop = new();

        public SilentServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            foreach (var socket in _held)
            {
                socket.Dispose();
            }

            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    _held.Add(await _listener.AcceptSocketAsync(_stop.Token));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }
}
