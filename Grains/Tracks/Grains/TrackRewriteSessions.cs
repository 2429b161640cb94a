using System.Collections.Concurrent;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Tracks.Writing;

namespace PiiOrleans.Grains.Tracks.Grains;

/// <summary>
/// One <see cref="TrackRewriteSession"/> per running job in this silo, so the thousands of file grains of a job share the
/// compiled answers, rules and name scrubber instead of rebuilding them per file.
/// </summary>
public sealed class TrackRewriteSessions(ITrackTextEngine? engine = null)
{
    private readonly ConcurrentDictionary<string, Lazy<TrackRewriteSession>> _sessions = new(StringComparer.Ordinal);

    /// <summary>The session of <paramref name="jobId"/>, created from <paramref name="settings"/> on first use.</summary>
    public TrackRewriteSession Get(string jobId, TrackRewriteSettings settings) =>
        _sessions.GetOrAdd(jobId, _ => new Lazy<TrackRewriteSession>(() => new TrackRewriteSession(settings, engine is null ? null : engine.Anonymize))).Value;

    /// <summary>True when <c>--scan-pii</c> can use a PII engine (otherwise only known team/run names are replaced).</summary>
    public bool HasTextEngine => engine is not null;

    /// <summary>Forgets the job's session (called when the job ends).</summary>
    public void Remove(string jobId) => _sessions.TryRemove(jobId, out _);
}
