using System.Text;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tracks.Fingerprints;

/// <summary>
/// Traces anonymized report lines back to their original team and run by fingerprint (spec §1.5, §6.4), fixing
/// Track Veil's BUG-1 (never matched) and BUG-2 (extension-less run files were never read): a directory is searched
/// recursively for every regular, non-hidden file in ordinal order, and files that are not JSONL are skipped by content.
/// </summary>
public static class FingerprintRecovery
{
    /// <summary>Reads <paramref name="inputPath"/> (a file or a directory) and looks every report line up with <paramref name="lookup"/>.</summary>
    public static RecoveryResult Recover(string inputPath, Func<string, FingerprintRecord?> lookup)
    {
        var reports = new List<RecoveredReport>();
        var skipped = new List<SkippedInput>();
        foreach (var file in CollectFiles(inputPath))
        {
            ReadFile(file, lookup, reports, skipped);
        }

        return new RecoveryResult(reports, skipped);
    }

    /// <summary>The files recovery reads: the file itself, or every regular non-hidden file below the directory, sorted ordinally by relative path.</summary>
    public static IReadOnlyList<string> CollectFiles(string inputPath)
    {
        if (File.Exists(inputPath))
        {
            return [inputPath];
        }

        if (!Directory.Exists(inputPath))
        {
            throw new FileNotFoundException($"Input '{inputPath}' does not exist. Pass an anonymized report file or folder with -i.", inputPath);
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            // Dot-files (Hidden on Unix) and links are not reports; Track Veil processed .DS_Store as data (LIMIT-2).
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.ReparsePoint | FileAttributes.Device,
            IgnoreInaccessible = true,
        };
        var files = Directory.EnumerateFiles(inputPath, "*", options)
            .Select(full => Path.GetRelativePath(inputPath, full))
            .Where(relative => !relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(relative => Path.Combine(inputPath, relative))
            .ToList();
        return files;
    }

    private static void ReadFile(string file, Func<string, FingerprintRecord?> lookup, List<RecoveredReport> reports, List<SkippedInput> skipped)
    {
        try
        {
            using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            int lineNumber = 0;
            bool sniffed = false;
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                lineNumber++;
                var trimmed = line.AsSpan().Trim();
                if (trimmed.IsEmpty)
                {
                    continue;
                }

                if (!sniffed)
                {
                    sniffed = true;
                    if (trimmed[0] != '{')
                    {
                        // Rankings, eval tables and metadata in other formats: not reports, skip the whole file.
                        skipped.Add(new SkippedInput(file, null, SkipReason.NotJsonLines));
                        return;
                    }
                }

                ReadLine(file, lineNumber, trimmed, lookup, reports, skipped);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new SkippedInput(file, null, SkipReason.Unreadable));
        }
    }

    private static void ReadLine(string file, int lineNumber, ReadOnlySpan<char> line, Func<string, FingerprintRecord?> lookup, List<RecoveredReport> reports, List<SkippedInput> skipped)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(line.ToString());
        if (!IsJson(utf8))
        {
            skipped.Add(new SkippedInput(file, lineNumber, SkipReason.InvalidJson));
            return;
        }

        if (!ReportIdentityReader.TryRead(utf8, out var identity))
        {
            skipped.Add(new SkippedInput(file, lineNumber, SkipReason.NoTopicOrText));
            return;
        }

        var match = lookup(identity.ComputeFingerprint());
        reports.Add(new RecoveredReport(file, lineNumber, identity.TopicId, identity.TeamId, identity.RunId, match?.OriginalTeam, match?.OriginalRun));
    }

    private static bool IsJson(ReadOnlySpan<byte> utf8)
    {
        var reader = new System.Text.Json.Utf8JsonReader(utf8);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
