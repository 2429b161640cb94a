namespace PiiOrleans.Grains.Security;

/// <summary>
/// The path the operating system would reach: <c>..</c> and <c>.</c> removed, and every symbolic link on the way
/// (in any component, not only the last) replaced by its target. Components that do not exist yet are kept as written.
/// </summary>
public static class RealPath
{
    // A loop of links must end; the kernel gives up after 40 as well.
    private const int MaxLinks = 40;

    /// <summary>Resolves <paramref name="path"/> (relative paths against the working directory).</summary>
    public static string Of(string path)
    {
        var pending = new Stack<string>(Components(Path.GetFullPath(path)).Reverse());
        var resolved = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var next = Path.Combine(resolved, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException("Too many levels of symbolic links.");
            }

            // The target may be relative to the link's folder and may itself hold links: resolve it component by component.
            var absolute = Path.GetFullPath(target, resolved);
            foreach (var component in Components(absolute).Reverse())
            {
                pending.Push(component);
            }

            resolved = Path.GetPathRoot(absolute) ?? "/";
        }

        return Path.TrimEndingDirectorySeparator(resolved);
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            return info.Exists || info.LinkTarget is not null ? info.LinkTarget : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Components(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        return fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
    }
}
