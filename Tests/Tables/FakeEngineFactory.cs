using PiiOrleans.Grains.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>Engine factory returning the stand-in engine (for tests of the SQLite, grain and TEE plumbing).</summary>
internal sealed class FakeEngineFactory(FakeCellAnonymizer? engine = null) : ITablesEngineFactory
{
    public TablesEngineSetup Create(TablesEngineSpec spec, PiiOrleans.Pii.Anonymization.IPseudonymStore? pseudonymStore = null) =>
        new(engine ?? new FakeCellAnonymizer(), true, 1000, true, 4, ["EMAIL_ADDRESS"], "none", ["en"]);
}
