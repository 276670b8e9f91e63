using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;

namespace OrderAnalytics.Fetcher;

/// <summary>Keeps every fetched page as gzip JSON lines (one event per line), one file per page, by UTC day.</summary>
public sealed class PageArchive(IOptions<FetcherOptions> options)
{
    public async Task SaveAsync(string source, long cursor, IReadOnlyList<UpstreamEvent> events, CancellationToken ct)
    {
        var root = options.Value.ArchiveFolder;
        if (string.IsNullOrWhiteSpace(root) || events.Count == 0) return;
        var folder = Path.Combine(root, source, DateTime.UtcNow.ToString("yyyy-MM-dd"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{events[0].StreamId:D12}-{events[^1].StreamId:D12}.jsonl.gz");
        var temp = path + ".tmp";
        await using (var file = File.Create(temp))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            foreach (var e in events)
                await writer.WriteLineAsync(e.Json.AsMemory(), ct);   // GetRawText() is a single line already
        }
        File.Move(temp, path, overwrite: true);
    }
}
