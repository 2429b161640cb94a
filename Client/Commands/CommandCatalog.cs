using System.CommandLine;

namespace PiiOrleans.Client.Commands;

/// <summary>The client's top-level commands. A pipeline adds its command here with one line.</summary>
public static class CommandCatalog
{
    /// <summary>Creates every top-level command for <paramref name="environment"/>.</summary>
    public static IReadOnlyList<Command> Create(ClientEnvironment environment) =>
    [
        JobsCommand.Create(environment),
        PoolCommand.Create(environment),
        ServeCommand.Create(environment),
        AnalyzeCommand.Create(environment),
        AnonymizeCommand.Create(environment),
        EvalCommand.Create(environment),
        TablesCommand.Create(environment),
        DbCreateCommand.Create(environment),
        TracksCommand.Create(environment),
    ];
}
