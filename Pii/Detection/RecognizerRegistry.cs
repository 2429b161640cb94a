using PiiOrleans.Pii.Detection.Recognizers;

namespace PiiOrleans.Pii.Detection;

/// <summary>
/// The recognizers an analyzer runs. <see cref="CreateDefault"/> assembles the built-in pattern recognizers plus the
/// configured custom patterns and deny lists; hosts add more (NER, gazetteers) with <see cref="Add"/> before creating the engine.
/// </summary>
public sealed class RecognizerRegistry
{
    private readonly List<IEntityRecognizer> _recognizers = [];

    /// <summary>The registered recognizers, in registration order.</summary>
    public IReadOnlyList<IEntityRecognizer> Recognizers => _recognizers;

    /// <summary>Every entity some registered recognizer can emit.</summary>
    public IReadOnlyList<string> SupportedEntities => _recognizers.SelectMany(r => r.SupportedEntities).Distinct().ToArray();

    /// <summary>Registers <paramref name="recognizer"/>; returns this registry for chaining.</summary>
    public RecognizerRegistry Add(IEntityRecognizer recognizer)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        if (_recognizers.Any(r => r.Name == recognizer.Name))
            throw new InvalidOperationException($"A recognizer named {recognizer.Name} is already registered; give the new one another name.");
        _recognizers.Add(recognizer);
        return this;
    }

    /// <summary>The built-in pattern recognizers (street addresses reported as <paramref name="addressEntity"/>).</summary>
    public static IReadOnlyList<PatternRecognizer> BuiltInRecognizers(string addressEntity = EntityTypes.Location) =>
    [
        new EmailRecognizer(), new UrlRecognizer(), new PhoneRecognizer(), new UsSsnRecognizer(), new CreditCardRecognizer(),
        new IbanRecognizer(), new IpAddressRecognizer(), new DateTimeRecognizer(), new MoneyRecognizer(), new CryptoRecognizer(),
        new UsBankNumberRecognizer(), new UsDriverLicenseRecognizer(), new UsPassportRecognizer(), new UsItinRecognizer(),
        new StreetAddressRecognizer(addressEntity), new PostalCodeRecognizer(addressEntity),
    ];

    /// <summary>Built-in recognizers plus one custom-pattern and one deny-list recognizer per configured entity that has them.</summary>
    public static RecognizerRegistry CreateDefault(AnalyzerOptions options)
    {
        var registry = new RecognizerRegistry();
        bool streetAddress = options.EnabledEntities?.Contains(EntityTypes.StreetAddress) == true;
        var builtIn = BuiltInRecognizers(streetAddress ? EntityTypes.StreetAddress : EntityTypes.Location);
        foreach (var r in builtIn) registry.Add(r);
        foreach (var (entity, settings) in options.Entities.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (settings.Patterns.Count > 0)
            {
                var validator = builtIn.FirstOrDefault(r => r.Entity == entity);
                registry.Add(new CustomPatternRecognizer(entity, settings.Patterns, settings.ContextWords, validator));
            }
            if (settings.DenyList.Count > 0) registry.Add(new DenyListRecognizer(entity, settings.DenyList));
        }
        return registry;
    }
}
