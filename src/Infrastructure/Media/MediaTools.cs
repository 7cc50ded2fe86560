using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Media;

/// <summary>
/// <c>ffprobe</c> and <c>ffmpeg</c> (the Debian package) run as child processes on a URL or path, so a large video is
/// read by the tool straight from the store, never held by the worker. Each run is bounded by
/// <c>Media__ToolTimeoutSeconds</c> and killed when the job is cancelled.
/// </summary>
internal sealed class MediaTools(IOptions<MediaOptions> options)
{
    private static readonly string[] Protocols = ["-protocol_whitelist", "file,http,https,tcp,tls,crypto"];

    /// <summary>What ffprobe read from a video or audio file.</summary>
    public sealed record Probe(int? Width, int? Height, double? DurationSeconds, string? Codec, bool HasVideo);

    /// <summary>The probe, or the reason the file cannot be read.</summary>
    public async Task<(Probe? Probe, string? Failure)> ProbeAsync(string input, CancellationToken cancellationToken)
    {
        var (exit, output, error) = await RunAsync(
            options.Value.FfprobePath,
            [.. Protocols, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", input],
            cancellationToken);
        if (exit != 0)
        {
            return (null, $"ffprobe could not read the file: {LastLine(error)}");
        }

        using var json = JsonDocument.Parse(output.Length == 0 ? "{}"u8.ToArray() : output);
        var root = json.RootElement;
        JsonElement? video = null, audio = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var type = stream.TryGetProperty("codec_type", out var t) ? t.GetString() : null;
                var attachedPicture = stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.GetInt32() == 1;
                if (type == "video" && !attachedPicture && video is null)
                {
                    video = stream;
                }
                else if (type == "audio" && audio is null)
                {
                    audio = stream;
                }
            }
        }

        double? duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var value)
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
        var main = video ?? audio;
        if (main is null)
        {
            return (null, "The file has no video or audio stream.");
        }

        return (new Probe(
            video is { } v && v.TryGetProperty("width", out var w) ? w.GetInt32() : null,
            video is { } v2 && v2.TryGetProperty("height", out var h) ? h.GetInt32() : null,
            duration,
            main.Value.TryGetProperty("codec_name", out var codec) ? codec.GetString() : null,
            video is not null), null);
    }

    /// <summary>One frame at <paramref name="atSeconds"/> as PNG bytes (upright: ffmpeg applies the rotation), or the reason there is none.</summary>
    public async Task<(byte[]? Png, string? Failure)> FrameAsync(string input, double atSeconds, CancellationToken cancellationToken)
    {
        var (exit, output, error) = await RunAsync(
            options.Value.FfmpegPath,
            [
                "-nostdin", "-v", "error", .. Protocols,
                "-ss", atSeconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", input,
                "-frames:v", "1", "-an", "-sn", "-dn", "-map_metadata", "-1", "-f", "image2pipe", "-c:v", "png", "pipe:1",
            ],
            cancellationToken);
        return exit == 0 && output.Length > 0 ? (output, null) : (null, $"ffmpeg could not take a frame: {LastLine(error)}");
    }

    private async Task<(int Exit, byte[] Output, string Error)> RunAsync(string tool, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed or cannot be started (install ffmpeg).", e);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.ToolTimeoutSeconds)));
        try
        {
            var errorTask = process.StandardError.ReadToEndAsync(timeout.Token);
            using var buffer = new MemoryStream();
            await process.StandardOutput.BaseStream.CopyToAsync(buffer, timeout.Token);
            var error = await errorTask;
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, buffer.ToArray(), error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return (-1, [], $"{tool} took longer than {options.Value.ToolTimeoutSeconds} s.");
        }
    }

    private static string LastLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
        return line.Length > 300 ? line[..300] : line;
    }
}
