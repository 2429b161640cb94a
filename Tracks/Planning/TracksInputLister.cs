using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// Lists the input files in processing order: runs → metadata → eval, task folders and files in ordinal name order
/// (LIMIT-3), dot-files and dot-folders ignored (LIMIT-2), no recursion below task folders.
/// </summary>
public static class TracksInputLister
{
    /// <summary>The files of the three trees (a missing tree folder is skipped).</summary>
    public static IReadOnlyList<TrackInputFile> List(string inputRoot, string runsDir, string metadataDir, string evalDir)
    {
        var files = new List<TrackInputFile>();
        foreach (var (tree, dir) in new[] { (TrackTree.Runs, runsDir), (TrackTree.Metadata, metadataDir), (TrackTree.Eval, evalDir) })
        {
            string treePath = Path.Combine(inputRoot, dir);
            if (!Directory.Exists(treePath))
            {
                continue;
            }

            foreach (string taskPath in Sorted(Directory.GetDirectories(treePath)))
            {
                string task = Path.GetFileName(taskPath);
                if (task.StartsWith('.'))
                {
                    continue;
                }

                foreach (string filePath in Sorted(Directory.GetFiles(taskPath)))
                {
                    string name = Path.GetFileName(filePath);
                    if (!name.StartsWith('.'))
                    {
                        files.Add(new TrackInputFile(tree, dir, task, name, filePath));
                    }
                }
            }
        }

        return files;
    }

    private static string[] Sorted(string[] paths)
    {
        Array.Sort(paths, StringComparer.Ordinal);
        return paths;
    }
}
