namespace PiiOrleans.Pii.Anonymization;

/// <summary>Produces candidate surrogates for a pseudonym store; a store asks again with a higher attempt on collision.</summary>
public interface ISurrogateFactory
{
    /// <summary>
    /// Candidate number <paramref name="attempt"/> for <paramref name="original"/>; <paramref name="sequence"/> is the
    /// 1-based number the store gives this new mapping within its entity type (unique per entity type).
    /// </summary>
    string Create(string entityType, string original, int sequence, int attempt);
}
