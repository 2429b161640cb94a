namespace PiiOrleans.Grains.Tables;

/// <summary>Builds a job's engine from the PII configuration file (null path = the documented defaults).</summary>
public interface ITablesEngineFactory
{
    /// <summary>Loads <paramref name="configPath"/> and builds the engine; throws <see cref="Jobs.JobParameterException"/> for an invalid file.</summary>
    TablesEngineSetup Create(string? configPath);

    /// <summary>
    /// As <see cref="Create(string?)"/>, with the job's pseudonyms kept in <paramref name="pseudonymStore"/> and fake
    /// surrogates keyed by <paramref name="defaultPseudonymSeed"/> (computed when the first one is derived) unless the
    /// configuration sets <c>anonymization.pseudonym_seed</c>.
    /// </summary>
    TablesEngineSetup Create(string? configPath, Pii.Anonymization.IPseudonymStore pseudonymStore, Func<string>? defaultPseudonymSeed = null) => Create(configPath);
}
