using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Kestrel refuses some requests before the pipeline exists (a request target that decodes to NUL, a malformed request
/// line or header, a header block too large) with a bare status and <c>Content-Length: 0</c>, and offers no hook to
/// shape that answer. This connection middleware gives those answers a problem+json body: on an HTTP/1.x connection,
/// a 4xx response that Kestrel wrote itself (<c>Connection: close</c>, <c>Content-Length: 0</c>, nothing after the
/// headers; the application never answers a 4xx without a problem body) and is the last thing written before the
/// connection closes, is rewritten with the same status line and headers, a problem body and its length. Nothing else
/// changes; HTTP/2 and HTTP/3 frames pass through untouched (ADR-050).
/// </summary>
internal static class KestrelRejections
{
    public static ConnectionDelegate Shape(ConnectionDelegate next) => async connection =>
    {
        var transport = connection.Transport;
        var shaping = new ShapingPipe(transport);
        connection.Transport = shaping;
        try
        {
            await next(connection);
        }
        finally
        {
            // Kestrel is done with the connection: an answer still held back was its last word.
            await shaping.Writer.EndAsync();
            connection.Transport = transport;
        }
    };

    /// <summary>The problem body for a response Kestrel wrote itself, or <c>null</c> when <paramref name="response"/> is not one.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> response)
    {
        if (!response.StartsWith("HTTP/1."u8) || response.Length < 13 || response[9] != (byte)'4')
        {
            return null;
        }

        var end = response.IndexOf("\r\n\r\n"u8);
        if (end < 0 || end + 4 != response.Length)
        {
            return null;
        }

        var head = response[..(end + 2)];
        if (head.IndexOf("\r\nContent-Length: 0\r\n"u8) < 0 || head.IndexOf("\r\nConnection: close\r\n"u8) < 0
            || head.IndexOf("\r\nContent-Type:"u8) >= 0 || head.IndexOf("\r\nTransfer-Encoding:"u8) >= 0)
        {
            return null;
        }

        var statusLine = Encoding.Latin1.GetString(head[..head.IndexOf("\r\n"u8)]);
        var status = int.Parse(statusLine.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture);
        var title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Bad Request";
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = ProblemTypes.BadRequest,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = "The server could not read the request: its request line, path or headers are malformed or too large.",
        });
        var headers = Encoding.Latin1.GetString(head).Replace("\r\nContent-Length: 0\r\n", "\r\n", StringComparison.Ordinal);
        return [.. Encoding.Latin1.GetBytes($"{headers}Content-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n\r\n"), .. body];
    }

    private sealed class ShapingPipe(IDuplexPipe inner) : IDuplexPipe
    {
        public PipeReader Input => inner.Input;

        public ShapingWriter Writer { get; } = new(inner.Output);

        public PipeWriter Output => Writer;
    }

    /// <summary>
    /// Holds what is written until the flush, where a whole answer of Kestrel's own can be recognised. Such an answer is
    /// held back until the next write or the end of the connection: only an answer that is the connection's last word
    /// (Kestrel closes the connection after a rejection) is rewritten. Bytes that merely look like one (the body of a
    /// stored file, say) are followed by more, or by a close, so they are never turned into something a reverse proxy
    /// could read as an extra response on a connection it reuses.
    /// </summary>
    internal sealed class ShapingWriter(PipeWriter inner) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> _pending = new();

        private byte[]? _held;

        public override void Advance(int bytes) => _pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

        // Kestrel and System.Text.Json ask how much is unflushed to decide when to flush: what is held here, and below.
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes =>
            _pending.WrittenCount + (_held?.Length ?? 0) + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            Drain(completing: true);
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            Drain(completing: true);
            await inner.CompleteAsync(exception);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Drain(completing: false);
            return inner.FlushAsync(cancellationToken);
        }

        /// <summary>The connection ends: an answer held back is sent, rewritten.</summary>
        public async ValueTask EndAsync()
        {
            if (_held is not { } held)
            {
                return;
            }

            _held = null;
            try
            {
                inner.Write(Rewrite(held) ?? held);
                await inner.FlushAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or ObjectDisposedException)
            {
                // The peer or the transport closed first: there is nobody left to answer.
            }
        }

        private void Drain(bool completing)
        {
            if (_held is { } held)
            {
                // Nothing followed it before the end: it was Kestrel's own answer. Anything that follows says it was not.
                var last = completing && _pending.WrittenCount == 0;
                inner.Write(last ? Rewrite(held) ?? held : held);
                _held = null;
            }

            if (_pending.WrittenCount == 0)
            {
                return;
            }

            var written = _pending.WrittenSpan;
            if (Rewrite(written) is { } shaped)
            {
                if (completing)
                {
                    inner.Write(shaped);
                }
                else
                {
                    _held = written.ToArray();
                }
            }
            else
            {
                inner.Write(written);
            }

            _pending.ResetWrittenCount();
        }
    }
}
