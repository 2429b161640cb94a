using System.Collections.Concurrent;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Writing;

namespace PiiOrleans.Grains.Tracks;

/// <summary>
/// This silo's rewrite sessions, keyed by the digest of the <see cref="TrackRewriteSettings"/> that every file's message
/// carries: the thousands of file grains of a job share the compiled answers, rules and name scrubber instead of
/// rebuilding them per file. A cache, never a channel: a silo that has not seen the job builds the session from the message.
/// </summary>
public sealed class TrackRewriteSessions(ITrackTextEngine? engine = null)
{
    // Sessions hold a job's pseudonym tables; a silo rarely runs more than a couple of tracks jobs at once.
    private const int MaxSessions = 4;

    private readonly ConcurrentDictionary<string, Lazy<TrackRewriteSession>> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>The session for <paramref name="settings"/> (whose digest is <paramref name="settingsKey"/>), created on first use.</summary>
    public TrackRewriteSession Get(string settingsKey, TrackRewriteSettings settings)
    {
        var session = _sessions.GetOrAdd(settingsKey, key =>
        {
            _order.Enqueue(key);
            return new Lazy<TrackRewriteSession>(() => new TrackRewriteSession(settings, engine is null ? null : engine.Anonymize));
        });
        while (_sessions.Count > MaxSessions && _order.TryDequeue(out var oldest) && oldest != settingsKey)
        {
            _sessions.TryRemove(oldest, out _);
        }

        return session.Value;
    }

    /// <summary>True when <c>--scan-pii</c> can use a PII engine (otherwise only known team/run names are replaced).</summary>
    public bool HasTextEngine => engine is not null;
}
