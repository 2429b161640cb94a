using Orleans.Placement;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tracks.Fingerprints;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Grains.Tracks;

/// <summary>
/// Rewrites one input file (key <c>{jobId}/{relative path}</c>), wherever placement puts it (every silo sees the job's
/// files on a shared volume). The work itself is in <see cref="PiiOrleans.Tracks.Writing.TrackRewriteSession"/>; the grain
/// owns only the call boundary. A file rewritten twice (after a silo died) gives the same file. Random placement, as
/// for table batches: files are uniform units of work that should spread over the pool whatever the load statistics say.
/// </summary>
[RandomPlacement]
public sealed class TrackFileGrain(TrackRewriteSessions sessions) : Grain, ITrackFileGrain
{
    /// <inheritdoc />
    public async Task<TrackFileOutcome> Rewrite(TrackFileWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            SharedVolume.RequireVisible(work.Settings.InputRoot, "input", RuntimeIdentity);
            SharedVolume.RequireVisible(work.Settings.OutputRoot, "output", RuntimeIdentity);
            var session = sessions.Get(work.SettingsKey, work.Settings);
            // The rewrite is synchronous file I/O; run it off the grain's turn scheduler so files proceed in parallel.
            var (result, fingerprints) = await Task.Run(() => session.Write(work.Plan));
            var records = new FingerprintRecord[fingerprints.Count];
            for (var i = 0; i < records.Length; i++)
            {
                var f = fingerprints[i];
                records[i] = new FingerprintRecord(Fingerprint.Compute(f.TopicId, f.Text), f.OriginalTeam, f.OriginalRun, f.TopicId, f.AnonTeam, f.AnonRun);
            }

            return new TrackFileOutcome(result, records, RuntimeIdentity);
        }
        finally
        {
            DeactivateOnIdle();
        }
    }
}
