using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// Lists the input files in processing order: runs → metadata → eval, task folders and files in ordinal name order
/// (LIMIT-3), dot-files and dot-folders ignored (LIMIT-2), no recursion below task folders. Symbolic links are refused:
/// following one would publish a file from outside the input. An input with no files is an error, not an empty success.
/// </summary>
public static class TracksInputLister
{
    /// <summary>The files of the three trees (a missing tree folder is skipped).</summary>
    public static IReadOnlyList<TrackInputFile> List(string inputRoot, string runsDir, string metadataDir, string evalDir)
    {
        var files = new List<TrackInputFile>();
        var trees = 0;
        foreach (var (tree, dir) in new[] { (TrackTree.Runs, runsDir), (TrackTree.Metadata, metadataDir), (TrackTree.Eval, evalDir) })
        {
            string treePath = Path.Combine(inputRoot, dir);
            RefuseLink(treePath, dir);
            if (!Directory.Exists(treePath))
            {
                continue;
            }

            trees++;
            foreach (string taskPath in Sorted(Directory.GetFileSystemEntries(treePath)))
            {
                string task = Path.GetFileName(taskPath);
                if (task.StartsWith('.') || !Directory.Exists(taskPath) && new FileInfo(taskPath).LinkTarget is null)
                {
                    continue;
                }

                RefuseLink(taskPath, $"{dir}/{task}");
                foreach (string filePath in Sorted(Directory.GetFileSystemEntries(taskPath)))
                {
                    string name = Path.GetFileName(filePath);
                    if (name.StartsWith('.') || Directory.Exists(filePath) && new DirectoryInfo(filePath).LinkTarget is null)
                    {
                        continue;
                    }

                    RefuseLink(filePath, $"{dir}/{task}/{name}");
                    files.Add(new TrackInputFile(tree, dir, task, name, filePath));
                }
            }
        }

        if (trees == 0)
        {
            throw new TracksInputException(
                $"The input has none of the folders {runsDir}/, {metadataDir}/, {evalDir}/. Pass the export root that holds them (not one of them).");
        }

        if (files.Count == 0)
        {
            throw new TracksInputException(
                $"The input has no files under {runsDir}/<task>/, {metadataDir}/<task>/ or {evalDir}/<task>/. Pass the export root of a non-empty export.");
        }

        return files;
    }

    private static void RefuseLink(string path, string relative)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new TracksInputException(
                $"Input entry '{relative}' is a symbolic link. Links are not followed (they could publish files from outside the input); replace it with a copy of the file.");
        }
    }

    private static string[] Sorted(string[] paths)
    {
        Array.Sort(paths, StringComparer.Ordinal);
        return paths;
    }
}
