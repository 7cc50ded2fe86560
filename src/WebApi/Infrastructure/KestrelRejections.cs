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
/// headers; the application never answers a 4xx without a problem body) is rewritten with the same status line and
/// headers, a problem body and its length. Nothing else changes; HTTP/2 and HTTP/3 frames pass through untouched.
/// </summary>
internal static class KestrelRejections
{
    public static ConnectionDelegate Shape(ConnectionDelegate next) => async connection =>
    {
        var transport = connection.Transport;
        connection.Transport = new ShapingPipe(transport);
        try
        {
            await next(connection);
        }
        finally
        {
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

        public PipeWriter Output { get; } = new ShapingWriter(inner.Output);
    }

    /// <summary>Holds what is written until the flush, where a whole response of Kestrel's own can be recognised.</summary>
    private sealed class ShapingWriter(PipeWriter inner) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> _pending = new();

        public override void Advance(int bytes) => _pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

        // Kestrel and System.Text.Json ask how much is unflushed to decide when to flush: what is held here, and below.
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _pending.WrittenCount + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            Drain();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            Drain();
            await inner.CompleteAsync(exception);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            Drain();
            return inner.FlushAsync(cancellationToken);
        }

        private void Drain()
        {
            if (_pending.WrittenCount == 0)
            {
                return;
            }

            var written = _pending.WrittenSpan;
            if (Rewrite(written) is { } shaped)
            {
                inner.Write(shaped);
            }
            else
            {
                inner.Write(written);
            }

            _pending.ResetWrittenCount();
        }
    }
}
