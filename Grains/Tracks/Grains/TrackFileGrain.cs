using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Tracks.Fingerprints;
using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Tracks.Grains;

/// <summary>
/// Rewrites one input file (key <c>{jobId}/{relative path}</c>) and sends its fingerprints to the mapping grain in one
/// batch. The work itself is in <see cref="Writing.TrackRewriteSession"/>; the grain owns only the call boundary.
/// </summary>
public sealed class TrackFileGrain(TrackRewriteSessions sessions) : Grain, ITrackFileGrain
{
    /// <inheritdoc />
    public async Task<TrackFileResult> Rewrite(TrackFileWork work)
    {
        var session = sessions.Get(work.JobId, work.Settings);
        // The rewrite is synchronous file I/O; run it off the grain's turn scheduler so files proceed in parallel.
        var (result, fingerprints) = await Task.Run(() => session.Write(work.Plan));
        if (fingerprints.Count > 0)
        {
            var records = new FingerprintRecord[fingerprints.Count];
            for (int i = 0; i < records.Length; i++)
            {
                var f = fingerprints[i];
                records[i] = new FingerprintRecord(Fingerprint.Compute(f.TopicId, f.Text), f.OriginalTeam, f.OriginalRun, f.TopicId, f.AnonTeam, f.AnonRun);
            }

            await GrainFactory.GetGrain<IMappingGrain>(work.MappingKey).RecordFingerprints(records);
        }

        DeactivateOnIdle();
        return result;
    }
}
