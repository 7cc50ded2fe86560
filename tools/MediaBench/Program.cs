using System.Diagnostics;
using System.Globalization;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Media;
using MediaVault.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using SkiaSharp;

// Media processing benchmark (scripts/bench-media.sh runs each scenario in a process of its own, so that the peak
// memory reported is the scenario's):
//   MediaBench prepare DIR            writes photo-{1..N}.jpg (4000×3000), huge.jpg (12000×9000) into DIR's store
//   MediaBench run DIR photos|huge|video   processes them like the media.process job and prints one Markdown row
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: MediaBench prepare|run DIR [scenario]");
    return 2;
}

var root = Path.GetFullPath(args[1]);
var storage = new FileSystemObjectStorage(Path.Combine(root, "objects"), new Uri("http://localhost"), new byte[32], TimeProvider.System);
const int Photos = 10;

if (args[0] == "prepare")
{
    for (var i = 1; i <= Photos; i++)
    {
        await StoreAsync($"photo-{i}", Picture(4000, 3000, i), "image/jpeg");
    }

    await StoreAsync("huge", Picture(12000, 9000, 99), "image/jpeg");
    return 0;
}

var processor = new MediaProcessor(storage, new MediaTools(Options.Create(new MediaOptions())), TimeProvider.System);
var targets = (string key) => (IReadOnlyList<RenditionTarget>)
[
    new("thumbnail", $"renditions/{key}/thumbnail", 256),
    new("preview", $"renditions/{key}/preview", 1280),
];
var scenario = args.Length > 2 ? args[2] : "photos";
var (keys, kind, contentType) = scenario switch
{
    "photos" => (Enumerable.Range(1, Photos).Select(i => $"photo-{i}").ToList(), MediaKind.Image, "image/jpeg"),
    "huge" => (["huge"], MediaKind.Image, "image/jpeg"),
    "video" => (["video"], MediaKind.Video, "video/mp4"),
    _ => throw new ArgumentException($"unknown scenario {scenario}"),
};

var cpu = Process.GetCurrentProcess().TotalProcessorTime;
var clock = Stopwatch.StartNew();
double? mediaSeconds = null;
foreach (var key in keys)
{
    var size = new FileInfo(storage.PathFor(key)).Length;
    var result = await processor.ProcessAsync(new MediaSource(key, contentType, kind, size, targets(key)), CancellationToken.None);
    if (result.Renditions.Count != 2)
    {
        Console.Error.WriteLine($"{key}: {result.Failure}");
        return 1;
    }

    mediaSeconds = result.Media?.DurationSeconds;
}

clock.Stop();
var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
var perItem = clock.Elapsed.TotalSeconds / keys.Count;
var figure = scenario == "video"
    ? $"{clock.Elapsed.TotalSeconds / (mediaSeconds ?? 60) * 60:0.00} s per minute of video (poster frame and renditions)"
    : $"{keys.Count / clock.Elapsed.TotalSeconds:0.00} images/s ({perItem:0.000} s wall, {cpuSeconds / keys.Count:0.000} s CPU each)";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {keys.Count} | {figure} | {peakMb:0} MB |"));
return 0;

async Task StoreAsync(string key, byte[] bytes, string type)
{
    using var content = new MemoryStream(bytes);
    await storage.PutAsync(key, content, type, CancellationToken.None);
}

// A photo-like JPEG: gradients and noise, so that it compresses like a photograph, not like a flat colour.
static byte[] Picture(int width, int height, int seed)
{
    using var bitmap = new SKBitmap(width, height);
    using (var canvas = new SKCanvas(bitmap))
    {
        using var shader = SKShader.CreatePerlinNoiseFractalNoise(0.01f, 0.01f, 4, seed);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, width, height, paint);
    }

    using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
    return data.ToArray();
}
