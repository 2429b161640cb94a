using System.Text.Json.Nodes;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

public sealed class TablesEngineSetupTests
{
    private static string VanaConfig() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tables", "vana-presidio-config.json"));

    [Fact]
    public void Says_whether_the_engine_runs_the_ner_model()
    {
        var withModel = new PiiTablesEngineFactory().Create(TablesEngineSpec.Create(VanaConfig(), "vana", "/nonexistent.db"));
        Assert.True(withModel.UsesNerModel);

        var config = JsonNode.Parse(VanaConfig())!.AsObject();
        config["ner"] = new JsonObject { ["enabled"] = false };
        var patternsOnly = new PiiTablesEngineFactory().Create(TablesEngineSpec.Create(config.ToJsonString(), "vana without ner", "/nonexistent.db"));
        Assert.False(patternsOnly.UsesNerModel);
        Assert.StartsWith("none", patternsOnly.NlpModel, StringComparison.Ordinal);
    }
}
