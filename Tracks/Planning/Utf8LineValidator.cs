using System.Buffers;
using System.Text.Unicode;

namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// Finds the first line of a file that is not valid UTF-8. Readers would turn such bytes into U+FFFD silently and the
/// output would differ from the input without anyone being told.
/// </summary>
public static class Utf8LineValidator
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>The 1-based number of the first invalid line, or 0 when the whole file is valid UTF-8.</summary>
    public static long FirstInvalidLine(string path)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes * 2);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            long line = 1;
            int carried = 0;
            while (true)
            {
                if (carried == buffer.Length)
                {
                    // One very long line: grow so the whole line can be checked at once.
                    byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, carried).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                int read = stream.Read(buffer, carried, buffer.Length - carried);
                int length = carried + read;
                var span = buffer.AsSpan(0, length);
                int start = 0;
                while (true)
                {
                    int newline = span[start..].IndexOf((byte)'\n');
                    if (newline < 0)
                    {
                        break;
                    }

                    if (!Utf8.IsValid(span.Slice(start, newline)))
                    {
                        return line;
                    }

                    line++;
                    start += newline + 1;
                }

                if (read == 0)
                {
                    return Utf8.IsValid(span[start..]) ? 0 : line;
                }

                span[start..].CopyTo(buffer);
                carried = length - start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
