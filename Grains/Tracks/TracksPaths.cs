using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Security;
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
    public static TracksPaths Validate(TracksJobParameters p, JobDataRoots roots)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(roots);
        if (string.IsNullOrWhiteSpace(p.Input) || string.IsNullOrWhiteSpace(p.Output) || string.IsNullOrWhiteSpace(p.Mapping))
        {
            throw new JobParameterException("tracks anonymize needs --input, --output and --mapping.");
        }

        // The tree folders are names inside the input, never paths: "../.." would read (and --force delete) outside it.
        foreach (var (name, value) in new[] { ("runsDir", p.RunsDir), ("metadataDir", p.MetadataDir), ("evalDir", p.EvalDir) })
        {
            if (!IsPlainFolderName(value))
            {
                throw new JobParameterException($"\"{name}\" must be a folder name inside the input (such as \"runs\"), not a path.");
            }
        }

        // Confinement first, so a refused path reveals nothing about what exists there.
        string input = Path.TrimEndingDirectorySeparator(roots.Check(p.Input, "input"));
        string output = Path.TrimEndingDirectorySeparator(roots.Check(p.Output, "output"));
        string mapping = roots.Check(p.Mapping, "mapping");
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

    /// <summary>
    /// Creates the output root; with <paramref name="force"/> (and not resuming) removes the tree folders we write
    /// (<paramref name="treeFolders"/>) and our resume manifest, so no stale file of ours stays — and nothing else.
    /// </summary>
    public static void PrepareOutput(string output, bool force, bool resume, IReadOnlyList<string> treeFolders)
    {
        ArgumentNullException.ThrowIfNull(treeFolders);
        Directory.CreateDirectory(output);
        if (force && !resume)
        {
            foreach (string name in treeFolders)
            {
                string dir = Path.Combine(output, name);
                if (new DirectoryInfo(dir).LinkTarget is not null)
                {
                    // A link is removed, never followed: its target is not ours.
                    File.Delete(dir);
                }
                else if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
                else if (File.Exists(dir))
                {
                    File.Delete(dir);
                }
            }

            File.Delete(Path.Combine(output, ResumeManifest.FileName));
        }
    }

    private static bool IsPlainFolderName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name is not ("." or "..")
        && name.IndexOfAny([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0 && !Path.IsPathRooted(name);

    private static bool IsSameOrInside(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
