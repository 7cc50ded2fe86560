using System.Diagnostics.Metrics;
using MediaVault.Infrastructure.Jobs;

namespace MediaVault.Integration.Tests.Jobs;

/// <summary>Listens to the job queue's metrics (<see cref="JobMetrics"/>), as the tests read what the worker did.</summary>
internal static class JobMeters
{
    /// <summary>
    /// Calls <paramref name="measured"/> with the tags of each measurement of the instrument named
    /// <paramref name="instrument"/>; only those of one host's meters when <paramref name="host"/> is given (the tests run
    /// several hosts in one process). Started; dispose it to stop.
    /// </summary>
    public static MeterListener Listen(string instrument, Action<ReadOnlySpan<KeyValuePair<string, object?>>> measured, IMeterFactory? host = null)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (published, l) =>
            {
                if (published.Meter.Name == JobMetrics.MeterName && published.Name == instrument && (host is null || published.Meter.Scope == host))
                {
                    l.EnableMeasurementEvents(published);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => measured(tags));
        listener.Start();
        return listener;
    }
}
