using System.CommandLine;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Client.Commands;

/// <summary>The options the mapping commands share, and their error handling (a message and exit code 1, never a stack trace).</summary>
public static class TracksMappingOptions
{
    /// <summary><c>-m/--mapping</c>: an existing mapping database file, required.</summary>
    public static Option<string> Mapping()
    {
        var option = new Option<string>("--mapping", "-m") { Description = "The mapping database (mapping.db); opened read-only.", Required = true };
        option.Validators.Add(result =>
        {
            var path = result.GetValueOrDefault<string>();
            if (path is not null && !File.Exists(path))
            {
                result.AddError(Directory.Exists(path)
                    ? $"Mapping database '{path}' is a directory. Pass the mapping.db file."
                    : $"Mapping database '{path}' does not exist. Check the -m path.");
            }
        });
        return option;
    }

    /// <summary><c>-f/--format</c>: table (default), json or csv.</summary>
    public static Option<string> Format()
    {
        var option = new Option<string>("--format", "-f") { Description = "Output format: table, json or csv.", DefaultValueFactory = _ => "table" };
        option.AcceptOnlyFromAmong("table", "json", "csv");
        return option;
    }

    /// <summary>Runs <paramref name="action"/>, turning mapping-store and file errors into a message on stderr and exit code 1.</summary>
    public static int Guard(ParseResult parseResult, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is MappingStoreException or IOException or UnauthorizedAccessException)
        {
            parseResult.InvocationConfiguration.Error.WriteLine("Error: " + ex.Message);
            return 1;
        }
    }
}
