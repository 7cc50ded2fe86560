using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Email;
using MediaVault.Infrastructure.Jobs;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Identity;

/// <summary>
/// Mail goes through the durable job queue: written with the account change, delivered by the worker, emptied of its
/// link once delivered, and still delivered when the instance that queued it stopped before it could.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class MailOutboxTests(DatabaseProvider provider)
{
    [Test]
    public async Task Register_MailsThroughAJobThatKeepsNoLinkOnceDelivered()
    {
        await using var api = await MediaVaultApi.StartAsync(provider, overrides: Mailbox.SmtpSettings());
        using var client = api.CreateClient();
        var email = Mailbox.NewAddress("outbox");

        (await client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var link = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix);
        var job = await WaitForMailJobAsync(api, j => j.State == JobStates.Succeeded);
        job.Payload.ShouldBeEmpty();
        (await client.FollowAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Test]
    public async Task Mail_QueuedWhenTheHostStops_IsDeliveredByTheNextHost()
    {
        var unreachable = Mailbox.SmtpSettings();
        unreachable["Email:Smtp:Port"] = ClosedPort().ToString(CultureInfo.InvariantCulture);
        unreachable["Jobs:RetryBaseMilliseconds"] = "2000";
        var first = await MediaVaultApi.StartAsync(provider, overrides: unreachable);
        var email = Mailbox.NewAddress("restart");
        using (var client = first.CreateClient())
        {
            (await client.RegisterAsync(email)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        // The first host tried and could not reach the mail server: the mail waits in the database for a retry.
        var failed = await WaitForMailJobAsync(first, j => j.State == JobStates.Waiting && j.Attempts >= 1);
        failed.LastError.ShouldNotBeNull();
        failed.LastError.ShouldNotContain("token");

        await using var next = await first.RestartAsync(Mailbox.SmtpSettings());

        var link = await Accounts.LinkFromMailAsync(email, Accounts.VerificationLinkPrefix);
        using var nextClient = next.CreateClient();
        (await nextClient.FollowAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Mailbox.ReadAsync(email)).Count.ShouldBe(1);
    }

    /// <summary>A local port nothing listens on: connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The host's only mail job, once <paramref name="condition"/> holds for it.</summary>
    private static async Task<Job> WaitForMailJobAsync(MediaVaultApi api, Func<Job, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var jobs = await api.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.Kind == EmailJobHandler.JobKind).ToListAsync());
            if (jobs.Count == 1 && condition(jobs[0]))
            {
                return jobs[0];
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new AssertionException($"The mail job did not reach the expected state within 30 s: {string.Join("; ", jobs.Select(j => $"{j.State} after {j.Attempts} attempts"))}.");
            }

            await Task.Delay(50);
        }
    }
}
