using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Output;

namespace PiiOrleans.Grains.Tracks;

/// <summary>
/// Path rules of a tracks job: the input must exist, the output is never the input or inside it (or around it), an
/// existing non-empty output is refused unless <c>--force</c> or <c>--resume</c>, and no two files may get one output name (BUG-10).
/// </summary>
public sealed record TracksPaths(string Input, string Output, string Mapping)
{
    /// <summary>Resolves and checks the paths; throws <see cref="JobParameterException"/> with what to do.</summary>
    public static TracksPaths Validate(TracksJobParameters p)
    {
        if (string.IsNullOrWhiteSpace(p.Input) || string.IsNullOrWhiteSpace(p.Output) || string.IsNullOrWhiteSpace(p.Mapping))
        {
            throw new JobParameterException("tracks anonymize needs --input, --output and --mapping.");
        }

        string input = Path.TrimEndingDirectorySeparator(Path.GetFullPath(p.Input));
        string output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(p.Output));
        string mapping = Path.GetFullPath(p.Mapping);
        if (!Directory.Exists(input))
        {
            throw new JobParameterException($"Input directory '{p.Input}' does not exist; pass the export root that holds runs/, metadata/ and eval/.");
        }

        if (File.Exists(output))
        {
            throw new JobParameterException($"Output '{p.Output}' is a file; pass a directory.");
        }

        if (IsSameOrInside(output, input) || IsSameOrInside(input, output))
        {
            throw new JobParameterException($"Output '{p.Output}' must not be the input directory, inside it, or contain it; choose a separate folder.");
        }

        if (Directory.Exists(mapping))
        {
            throw new JobParameterException($"Mapping '{p.Mapping}' is a directory; pass the mapping.db file path.");
        }

        if (!p.DryRun && !p.Force && !p.Resume && Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            throw new JobParameterException($"Output directory '{p.Output}' is not empty; use --force to replace its runs/metadata/eval folders, or --resume to finish an interrupted job.");
        }

        return new TracksPaths(input, output, mapping);
    }

    /// <summary>Throws when two planned files would be written to the same output path.</summary>
    public static void CheckCollisions(IReadOnlyList<TrackFilePlan> files)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (f.OutputRelativePath is null)
            {
                continue;
            }

            if (seen.TryGetValue(f.OutputRelativePath, out string? other))
            {
                throw new JobParameterException(
                    $"'{other}' and '{f.RelativePath}' would both be written to '{f.OutputRelativePath}'; answer their eval_run_id questions so their names differ, or skip one.");
            }

            seen[f.OutputRelativePath] = f.RelativePath;
        }
    }

    /// <summary>Creates the output root; with <paramref name="force"/> (and not resuming) removes our earlier output so no stale file stays.</summary>
    public static void PrepareOutput(string output, bool force, bool resume)
    {
        Directory.CreateDirectory(output);
        if (force && !resume)
        {
            foreach (string dir in Directory.GetDirectories(output))
            {
                Directory.Delete(dir, recursive: true);
            }

            foreach (string file in Directory.GetFiles(output))
            {
                File.Delete(file);
            }
        }
    }

    private static bool IsSameOrInside(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
