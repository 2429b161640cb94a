using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Tables;

/// <summary>Builds a tables job's engine from its <see cref="TablesEngineSpec"/> (configuration text and input).</summary>
public interface ITablesEngineFactory
{
    /// <summary>
    /// Builds the engine; throws <see cref="TablesConfigurationException"/> for an invalid configuration. With a
    /// <paramref name="pseudonymStore"/>, the engine allocates consistent pseudonyms in it, and fake surrogates are keyed
    /// by the input's digest (computed when the first one is derived) unless the configuration sets
    /// <c>anonymization.pseudonym_seed</c>; without one, the engine must not be asked for pseudonym columns.
    /// </summary>
    TablesEngineSetup Create(TablesEngineSpec spec, IPseudonymStore? pseudonymStore = null);
}
