using PiiOrleans.Grains.Interfaces.Jobs;

namespace PiiOrleans.Grains.Security;

/// <summary>
/// The folders a silo's jobs may read and write (<c>Silo:DataRoots</c>, <c>--data-root DIR</c>). A job path is allowed
/// only when its real path (links and <c>..</c> resolved) is a root or lies inside one. A served silo without roots
/// accepts no job paths; only a trusted host (the client's embedded silo, the TEE mode) runs unrestricted.
/// </summary>
public sealed class JobDataRoots
{
    private readonly string[] _roots;

    private JobDataRoots(string[] roots, bool unrestricted)
    {
        _roots = roots;
        IsUnrestricted = unrestricted;
    }

    /// <summary>No job path is allowed (a served silo that was given no data root).</summary>
    public static JobDataRoots None { get; } = new([], false);

    /// <summary>Every path the silo's user can reach is allowed: only for a host whose caller is that user.</summary>
    public static JobDataRoots Unrestricted { get; } = new([], true);

    /// <summary>True when no confinement applies.</summary>
    public bool IsUnrestricted { get; }

    /// <summary>The roots, as real paths.</summary>
    public IReadOnlyList<string> Roots => _roots;

    /// <summary>Confines jobs to <paramref name="roots"/> (resolved now, so a root given through a link still matches).</summary>
    public static JobDataRoots Of(IEnumerable<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var resolved = roots.Where(r => !string.IsNullOrWhiteSpace(r)).Select(RealPath.Of).Distinct(StringComparer.Ordinal).ToArray();
        return new JobDataRoots(resolved, false);
    }

    /// <summary>
    /// Returns the full path of <paramref name="path"/> when it may be used, else throws <see cref="JobParameterException"/>.
    /// The message is the same whether or not the path exists, so a caller cannot probe the file system.
    /// </summary>
    public string Check(string path, string parameter)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (IsUnrestricted)
        {
            return full;
        }

        if (_roots.Length == 0)
        {
            throw new JobParameterException(
                $"\"{parameter}\": this silo accepts no job paths. Start it with --data-root DIR (Silo:DataRoots) naming the folders jobs may use.");
        }

        string real;
        try
        {
            real = RealPath.Of(full);
        }
        catch (IOException)
        {
            real = string.Empty;
        }

        if (real.Length == 0 || !_roots.Any(root => IsSameOrInside(real, root)))
        {
            throw new JobParameterException(
                $"\"{parameter}\" is outside the silo's data roots. Use a path inside one of the folders the silo was started with (--data-root).");
        }

        return full;
    }

    private static bool IsSameOrInside(string path, string root) =>
        path.Equals(root, StringComparison.Ordinal)
        || path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
