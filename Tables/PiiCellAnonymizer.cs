using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Validation;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Tables;

namespace PiiOrleans.Tables;

/// <summary>
/// The tables pipeline's view of the PII engine: column plans from the column profiler, whole-cell operators for
/// structured columns, span detection for free text, consistent pseudonyms for columns that must stay distinct, and
/// the privacy re-scan of every validated entity at its own threshold, whatever the configuration enables.
/// </summary>
public sealed class PiiCellAnonymizer : ITableCellAnonymizer
{
    /// <summary>Entities whose recognizers validate matches (checksums, formats) and are re-scanned by the privacy check.</summary>
    public static readonly ImmutableArray<string> VerifiedEntities =
        [EntityTypes.EmailAddress, EntityTypes.UsSsn, EntityTypes.CreditCard, EntityTypes.IbanCode, EntityTypes.IpAddress, EntityTypes.PhoneNumber];

    /// <summary>Score at or above which a re-scan hit counts as PII left in clear.</summary>
    public const double LeakScore = 0.75;

    /// <summary>
    /// Score at or above which a name the job's analyzer finds in the output counts as left in clear: above the
    /// weak, context-free guesses, so the re-scan fails a job on names the model is sure of.
    /// </summary>
    public const double NameLeakScore = 0.8;

    private static readonly string[] NameEntities = [EntityTypes.Person];

    private readonly PiiEngine _engine;
    private readonly AnalyzerEngine _leakAnalyzer;
    private readonly Func<string, IReadOnlyList<string>, (ColumnTreatment Treatment, string? Entity, double Confidence)> _profile;
    private readonly RecognitionRequest _leakRequest;
    private readonly ConcurrentDictionary<string, BoundOperator> _pseudonyms = new(StringComparer.Ordinal);
    private readonly OperatorSettings _pseudonymSettings = new OperatorSettings("pseudonymize").With("mode", "fake");
    private readonly PiiSettings _settings;
    private readonly bool _freeTextUsesPseudonyms;
    private readonly ColumnLinks? _links;
    private readonly bool _namesRescanned;
    private readonly NameSecondLook _secondLook;

    // One plan per group of linked columns (keyed by the referenced column), computed once from all its members.
    private readonly ConcurrentDictionary<TableColumn, ColumnPlan> _linkedPlans = new();

    // One shared entity list per entity type: whole-cell outcomes would otherwise allocate one per cell.
    private readonly ConcurrentDictionary<string, ImmutableArray<string>> _entityLists = new(StringComparer.Ordinal);

    /// <summary>
    /// Creates the adapter. <paramref name="profile"/> decides a column from its name and sampled values (the engine's
    /// column profiler); <paramref name="leakAnalyzer"/> is the re-scan's analyzer, built from the defaults and not from
    /// the job's configuration (see <see cref="CreateLeakAnalyzer"/>); <paramref name="links"/> are the input's linked
    /// columns, planned alike (none when null).
    /// </summary>
    public PiiCellAnonymizer(PiiEngine engine, AnalyzerEngine leakAnalyzer,
        Func<string, IReadOnlyList<string>, (ColumnTreatment Treatment, string? Entity, double Confidence)> profile, ColumnLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _links = links;
        _leakAnalyzer = leakAnalyzer;
        _profile = profile;
        _settings = engine.Settings;
        var enabled = engine.Settings.EnabledEntityTypes.ToHashSet(StringComparer.Ordinal);
        _freeTextUsesPseudonyms = enabled.Any(e => engine.Operators.For(e).Name == "pseudonymize");
        _leakRequest = new RecognitionRequest(VerifiedEntities.ToFrozenSet(StringComparer.Ordinal));

        // Surrogate names (fake pseudonyms) are names by design; the names re-scan cannot tell them from originals.
        _namesRescanned = engine.Settings.FindEntity(EntityTypes.Person) is { Enabled: true }
                          && engine.Operators.For(EntityTypes.Person).Name is not ("pseudonymize" or "keep");
        _secondLook = new NameSecondLook(engine, NameLeakScore);
    }

    /// <summary>
    /// The re-scan's analyzer: every validated entity on, with the built-in defaults' context words and no allow lists,
    /// so a configuration typo, a disabled entity or a high threshold cannot switch the safety net off.
    /// </summary>
    public static AnalyzerEngine CreateLeakAnalyzer()
    {
        var options = AnalyzerOptionsFactory.FromSettings(PiiSettings.Default) with
        {
            EnabledEntities = VerifiedEntities.ToFrozenSet(StringComparer.Ordinal),
        };
        return new AnalyzerEngine(RecognizerRegistry.CreateDefault(options), options);
    }

    /// <inheritdoc />
    public ColumnPlan PlanColumn(string table, int ordinal, ColumnShape column, IReadOnlyList<string> sample)
    {
        if (!_settings.Enabled)
        {
            return new ColumnPlan(ordinal, column.Name, column.DeclaredType, ColumnTreatment.PassThrough, null, 1.0, false);
        }

        if (_links?.Find(new TableColumn(table, column.Name)) is { } group)
        {
            var shared = _linkedPlans.GetOrAdd(group.Referenced, _ => PlanLinked(group));
            return shared with { Ordinal = ordinal, Name = column.Name, DeclaredType = column.DeclaredType };
        }

        return PlanOwn(ordinal, column.Name, column.DeclaredType, sample);
    }

    // Linked columns get one plan: the referenced column's when it is one entity, else the first member's entity, else
    // free text when any member is. A deterministic operator gives the same original the same output in every table, so
    // it stays unless the table copy could switch one member to pseudonyms (a PRIMARY KEY/UNIQUE member whose outputs
    // collide, span replacement under the referenced key) or it is random (encrypt); then every member gets consistent
    // pseudonyms: the job's one allocator gives the same original and entity the same pseudonym in every table.
    private ColumnPlan PlanLinked(ColumnLinkGroup group)
    {
        var links = _links!;
        var plans = group.Members.Select(m => PlanOwn(0, m.Column, "", links.Sample(m))).ToList();
        var referenced = plans[group.Members.IndexOf(group.Referenced)];
        var chosen = referenced.Treatment == ColumnTreatment.WholeCell
            ? referenced
            : plans.FirstOrDefault(p => p.Treatment == ColumnTreatment.WholeCell) ?? plans.FirstOrDefault(p => p.Treatment == ColumnTreatment.FreeText) ?? referenced;
        chosen = chosen with { AnalysisName = group.Referenced.Column };
        if (chosen.Treatment == ColumnTreatment.PassThrough || !NeedsPseudonyms(chosen, group))
        {
            return chosen;
        }

        return chosen with
        {
            CollisionFree = true,
            CollisionFreeReason = $"linked columns ({group.Description}) get the same consistent pseudonyms",
        };
    }

    private bool NeedsPseudonyms(ColumnPlan plan, ColumnLinkGroup group)
    {
        if (plan.Treatment != ColumnTreatment.WholeCell || plan.EntityType is not { } entity)
        {
            return true;
        }

        var name = _engine.Operators.For(entity).Name;
        return name == "encrypt"
               || (!IsInjective(plan) && (_links!.InCompositeKey(group) || _links.OutputsCollide(group, text => _engine.AnonymizeWholeText(text, entity))));
    }

    private ColumnPlan PlanOwn(int ordinal, string name, string declaredType, IReadOnlyList<string> sample)
    {
        var (treatment, entity, confidence) = _profile(name, sample);
        if (treatment == ColumnTreatment.WholeCell && entity is not null && _settings.FindEntity(entity) is { Enabled: false })
        {
            // The user switched this entity off: its cells are still scanned as text for the enabled ones.
            treatment = ColumnTreatment.FreeText;
            entity = null;
        }

        return new ColumnPlan(ordinal, name, declaredType, treatment, treatment == ColumnTreatment.WholeCell ? entity : null, confidence, false);
    }

    /// <inheritdoc />
    public CellOutcome Anonymize(string text, ColumnPlan column)
    {
        if (column.Treatment == ColumnTreatment.WholeCell && column.EntityType is { } entity)
        {
            var entities = _entityLists.GetOrAdd(entity, static e => [e]);
            if (column.CollisionFree)
            {
                return new CellOutcome(Pseudonym(text, entity), true, entities);
            }

            return new CellOutcome(_engine.AnonymizeWholeText(text, entity), true, entities);
        }

        var outcome = ToOutcome(text, _engine.Anonymize(text, column.AnalysisName ?? column.Name), column);
        if (!outcome.Anonymized || !LooksAgain(column))
        {
            return outcome;
        }

        CellOutcome[] single = [outcome];
        _secondLook.Apply(single, column.AnalysisName ?? column.Name);
        return single[0];
    }

    private CellOutcome ToOutcome(string text, AnonymizerResult result, ColumnPlan column)
    {
        if (!result.Changed)
        {
            return CellOutcome.Unchanged(text);
        }

        if (column.CollisionFree)
        {
            // A free-text column under a UNIQUE constraint: the whole value gets a pseudonym so distinct values stay distinct.
            return new CellOutcome(Pseudonym(text, "TEXT"), true, [.. result.Items.Select(i => i.EntityType)]);
        }

        return new CellOutcome(result.Text, true, [.. result.Items.Select(i => i.EntityType)]);
    }

    /// <inheritdoc />
    public IReadOnlyList<CellOutcome> AnonymizeMany(IReadOnlyList<string> texts, ColumnPlan column)
    {
        var outcomes = new CellOutcome[texts.Count];
        if (column.Treatment != ColumnTreatment.FreeText || texts.Count < 2)
        {
            for (var i = 0; i < outcomes.Length; i++)
            {
                outcomes[i] = Anonymize(texts[i], column);
            }

            return outcomes;
        }

        var results = _engine.AnonymizeBatch(texts, column.AnalysisName ?? column.Name);
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = ToOutcome(texts[i], results[i], column);
        }

        if (LooksAgain(column))
        {
            _secondLook.Apply(outcomes, column.AnalysisName ?? column.Name);
        }

        return outcomes;
    }

    // The second look (NameSecondLook) applies where the names re-scan does: span-replaced text whose names are masked.
    private bool LooksAgain(ColumnPlan column) => _namesRescanned && column.Treatment == ColumnTreatment.FreeText && !column.CollisionFree;

    /// <inheritdoc />
    public bool UsesPseudonyms(ColumnPlan column) => column.CollisionFree || column.Treatment switch
    {
        ColumnTreatment.WholeCell when column.EntityType is { } entity => _engine.Operators.For(entity).Name == "pseudonymize",
        ColumnTreatment.FreeText => _freeTextUsesPseudonyms,
        _ => false,
    };

    /// <inheritdoc />
    public bool IsInjective(ColumnPlan column) => column.Treatment switch
    {
        ColumnTreatment.PassThrough => true,

        // Hash (SHA-2) and encrypt are injective in practice, pseudonymize by construction of the store; the masks are not.
        ColumnTreatment.WholeCell when column.EntityType is { } entity => _engine.Operators.For(entity).Name is "keep" or "hash" or "encrypt" or "pseudonymize",

        // Span replacement merges values that differ only inside an entity.
        _ => false,
    };

    // Fake surrogates derive from HMAC(seed, value): deterministic for a configured seed, whatever the batch order.
    private string Pseudonym(string text, string entity) =>
        _pseudonyms.GetOrAdd(entity, e => _engine.Operators.Registry.Bind(_pseudonymSettings, e)).Operate(text);

    /// <inheritdoc />
    public void FindLeaks(string text, string columnName, ICollection<string> leaks)
    {
        foreach (var hit in _leakAnalyzer.Analyze(text, _leakRequest with { ColumnName = columnName }))
        {
            // A hit that contains the mask character is a masked value whose remaining shape still looks like an entity.
            // A phone "number" that is a software version is the column profile's call too: one decision, not two.
            if (hit.Score >= LeakScore && text.AsSpan(hit.Start, hit.Length).IndexOf('*') < 0
                && !(hit.EntityType == EntityTypes.PhoneNumber && VersionStringSpan.Covers(text, hit.Start, hit.Length)))
            {
                leaks.Add(hit.EntityType);
            }
        }
    }

    /// <inheritdoc />
    public void FindNameLeaks(string text, string columnName, ICollection<string> leaks)
    {
        if (!_namesRescanned)
        {
            return;
        }

        foreach (var hit in _engine.Analyze(text, columnName, NameEntities, NameLeakScore))
        {
            // Masked names keep their shape ("Al*** Sm***", where the model may still see "Al"); placeholders
            // ("<PERSON>") are not names: a hit inside a word with a mask or placeholder character is no leak.
            if (hit.EntityType == EntityTypes.Person && !MaskedWords.Around(text, hit.Start, hit.Length))
            {
                leaks.Add(hit.EntityType);
                return;
            }
        }
    }
}
