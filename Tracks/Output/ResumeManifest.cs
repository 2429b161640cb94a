using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PiiOrleans.Tracks.Output;

/// <summary>
/// <c>--resume</c> bookkeeping: <c>{output}/.piiorleans-resume.jsonl</c> gets one line per finished file with the SHA-256 of
/// its input path (never the path itself), the input's size and modification time, and the output's name, size and
/// modification time. A file is skipped on resume when all of them still match.
/// </summary>
public sealed class ResumeManifest : IDisposable
{
    /// <summary>The manifest's file name inside the output root.</summary>
    public const string FileName = ".piiorleans-resume.jsonl";

    private readonly string _outputRoot;
    private readonly Dictionary<string, Entry> _entries;
    private readonly StreamWriter? _writer;
    private readonly Lock _lock = new();

    private ResumeManifest(string outputRoot, Dictionary<string, Entry> entries, StreamWriter? writer)
    {
        _outputRoot = outputRoot;
        _entries = entries;
        _writer = writer;
    }

    /// <summary>Opens the manifest: reads existing entries when <paramref name="resume"/>, appends new ones when <paramref name="write"/>.</summary>
    public static ResumeManifest Open(string outputRoot, bool resume, bool write)
    {
        string path = Path.Combine(outputRoot, FileName);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (resume && File.Exists(path))
        {
            foreach (string line in File.ReadLines(path))
            {
                try
                {
                    if (JsonSerializer.Deserialize<Entry>(line) is { } e)
                    {
                        entries[e.In] = e;
                    }
                }
                catch (JsonException)
                {
                    // A line cut short by an interruption: that file is simply redone.
                }
            }
        }

        StreamWriter? writer = null;
        if (write)
        {
            Directory.CreateDirectory(outputRoot);
            writer = new StreamWriter(new FileStream(path, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { NewLine = "\n" };
        }

        return new ResumeManifest(outputRoot, entries, writer);
    }

    /// <summary>True when the output recorded for <paramref name="inputRelative"/> is still there and both sides are unchanged.</summary>
    public bool IsDone(string inputFullPath, string inputRelative, string outputRelative)
    {
        if (!_entries.TryGetValue(Key(inputRelative), out var e) || e.Out != outputRelative)
        {
            return false;
        }

        var input = new FileInfo(inputFullPath);
        var output = new FileInfo(Path.Combine(_outputRoot, outputRelative));
        return input.Exists && output.Exists && input.Length == e.Size && input.LastWriteTimeUtc.Ticks == e.Mtime
            && output.Length == e.OutSize && output.LastWriteTimeUtc.Ticks == e.OutMtime;
    }

    /// <summary>Records a finished file (flushed at once, so an interruption loses at most the file in flight).</summary>
    public void Record(string inputFullPath, string inputRelative, string outputRelative)
    {
        if (_writer is null)
        {
            return;
        }

        var input = new FileInfo(inputFullPath);
        var output = new FileInfo(Path.Combine(_outputRoot, outputRelative));
        var e = new Entry(Key(inputRelative), input.Length, input.LastWriteTimeUtc.Ticks, outputRelative, output.Length, output.LastWriteTimeUtc.Ticks);
        string line = JsonSerializer.Serialize(e);
        lock (_lock)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer?.Dispose();

    private static string Key(string relative) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(relative)));

    private sealed record Entry(string In, long Size, long Mtime, string Out, long OutSize, long OutMtime);
}
