using System.CommandLine;

namespace PiiOrleans.Client.Commands;

/// <summary>The mapping tools of the <c>tracks</c> command group; they work on a local mapping database and need no silo.</summary>
public static class TracksMappingCommands
{
    /// <summary>Creates <c>show-mapping</c>, <c>reverse-lookup</c> and <c>recover-mapping</c>.</summary>
    public static IEnumerable<Command> Create() =>
    [
        TracksMappingShowCommand.Create(),
        TracksMappingReverseLookupCommand.Create(),
        TracksMappingRecoverCommand.Create(),
    ];
}
