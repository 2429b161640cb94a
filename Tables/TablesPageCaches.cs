namespace PiiOrleans.Tables;

/// <summary>
/// The SQLite page caches of a tables job (kilobytes, at most: a cache fills as its file grows), sized by what bounds the
/// job's speed. Patterns-only jobs run at 10–20k rows/s, where the caches are worth their memory; a job that runs the NER
/// model goes at a tenth of that, bound by the model, and keeps its peak RSS under 300 MB on a 2 GB input with smaller
/// ones (docs/tables.md, "Memory at 2 GB with the model").
/// </summary>
public static class TablesPageCaches
{
    /// <summary>The output database's cache.</summary>
    public static int Output(bool usesNerModel) => usesNerModel ? 8 * 1024 : SqliteConnections.OutputPageCacheKilobytes;

    /// <summary>
    /// The pseudonym store's cache. Its random-access structures (~45 bytes per mapping) stay cached far longer with
    /// 32 MB than with 8 MB: patterns only, 1M rows, 20,121 rows/s instead of 16,016 and 8 s of kernel time instead of
    /// 17 s, for 28 MB of RSS.
    /// </summary>
    public static int PseudonymStore(bool usesNerModel) => usesNerModel ? 8 * 1024 : 32 * 1024;
}
