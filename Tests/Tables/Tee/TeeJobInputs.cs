using System.Text.Json.Nodes;

namespace PiiOrleans.Tests.Tables.Tee;

/// <summary>Inputs for TEE jobs that must still be running when a test stops them.</summary>
internal static class TeeJobInputs
{
    /// <summary>Writes <paramref name="rows"/> users (a name and an e-mail each, all distinct) to <c>query_results.db</c> in <paramref name="directory"/>.</summary>
    public static void WriteUsers(string directory, int rows) =>
        TestDatabase.Execute(Path.Combine(directory, "query_results.db"),
            "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT); "
            + $"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows}) "
            + "INSERT INTO users SELECT i, 'Person Number' || i, 'user' || i || '@example.com' FROM n;");

    /// <summary>
    /// Writes the vana configuration with NER off to <paramref name="directory"/> and returns its path: the real engine,
    /// which pseudonymizes the names (so the job has a pseudonym store), at patterns-only speed.
    /// </summary>
    public static string WritePatternsOnlyConfig(string directory)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Tables", "vana-presidio-config.json")))!.AsObject();
        config["ner"] = new JsonObject { ["enabled"] = false };
        var path = Path.Combine(directory, "config.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}
