namespace PiiOrleans.Silo.Hosting;

/// <summary>
/// Turns each <c>--data-root DIR</c> (repeatable) into <c>--Silo:DataRoots:N=DIR</c>: the command-line configuration
/// source keeps only the last value of a repeated switch, and every root must count.
/// </summary>
public static class SiloDataRootArguments
{
    private const string Switch = "--data-root";

    /// <summary>The arguments with every data-root switch rewritten as an indexed configuration key.</summary>
    public static string[] Expand(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var expanded = new List<string>(args.Count);
        var index = 0;
        for (var i = 0; i < args.Count; i++)
        {
            string? root = null;
            if (args[i].Equals(Switch, StringComparison.OrdinalIgnoreCase))
            {
                root = i + 1 < args.Count ? args[++i]
                    : throw new SiloConfigurationException("--data-root needs a folder: --data-root DIR (repeat it for more folders).");
            }
            else if (args[i].StartsWith(Switch + "=", StringComparison.OrdinalIgnoreCase))
            {
                root = args[i][(Switch.Length + 1)..];
            }

            if (root is null)
            {
                expanded.Add(args[i]);
                continue;
            }

            if (!Directory.Exists(root))
            {
                throw new SiloConfigurationException($"--data-root '{root}' is not a folder. Create it, or name an existing folder.");
            }

            expanded.Add($"--Silo:DataRoots:{index++}={Path.GetFullPath(root)}");
        }

        return [.. expanded];
    }
}
