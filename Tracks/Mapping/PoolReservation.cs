using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// The outcome of a capacity check before a job writes anything: how many new names are needed and free, and whether
/// allocation will go past Track Veil's pools (then Track Veil itself can no longer add names to this database).
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tracks.mapping.pool-reservation")]
public sealed record PoolReservation(
    int TeamsNeeded,
    int RunsNeeded,
    int TeamsAvailable,
    int RunsAvailable,
    bool UsesTeamExtension,
    bool UsesRunExtension);
