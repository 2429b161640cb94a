using System.Text.Json;
using System.Text.RegularExpressions;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// <c>POST /analyze</c>: the silo's analyzer plus the request's ad-hoc recognizers, context words, allow list and
/// threshold, answered in Presidio's shape and order (highest score first). A list of texts answers a list of lists.
/// </summary>
internal static class PresidioAnalyzer
{
    private static readonly ContextEnhancer Enhancer = new(AnalyzerOptions.Default);
    private static readonly TimeSpan AllowListTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The answer to one request body; throws <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled.</summary>
    public static object Analyze(PiiEngine engine, JsonElement body, CancellationToken cancellationToken)
    {
        var (texts, batch) = ReadTexts(body);
        var language = PresidioRequestJson.OptionalString(body, "language");
        if (string.IsNullOrEmpty(language))
        {
            throw new PresidioRequestException("No language provided");
        }

        CheckLanguage(language);
        var entities = PresidioRequestJson.OptionalStrings(body, "entities");
        PresidioRequestJson.OptionalString(body, "correlation_id");
        var threshold = PresidioRequestJson.OptionalScore(body, "score_threshold");
        var explain = PresidioRequestJson.OptionalBool(body, "return_decision_process");
        var context = PresidioRequestJson.OptionalStrings(body, "context")?.Select(w => w.ToLowerInvariant()).ToList() ?? [];
        var allow = AllowList(body);
        var adHoc = ReadAdHoc(body, language, entities);
        if (entities is { Count: > 0 } && !entities.Any(e => engine.SupportedEntities.Contains(e) || adHoc.Any(r => r.Entity == e)))
        {
            // Presidio refuses a request no recognizer can serve; entities of which only some are known are fine.
            throw new PresidioRequestException("No matching recognizers were found to serve the request.");
        }

        var analysed = texts.Count == 1
            ? [engine.Analyze(texts[0], null, entities, threshold, cancellationToken)]
            : engine.AnalyzeBatch(texts, entities, threshold, cancellationToken);
        var contextByEntity = context.Count == 0 ? null : ContextByEntity(engine);
        var answers = new List<List<PresidioAnalyzerResult>>(texts.Count);
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            var found = new List<Found>();
            foreach (var r in analysed[t])
            {
                var words = contextByEntity?.GetValueOrDefault(r.EntityType);
                found.Add(WithRequestContext(text, new Found(r, null, null, r.Score, ""), words, context));
            }

            foreach (var recognizer in adHoc)
            {
                cancellationToken.ThrowIfCancellationRequested();
                found.AddRange(RunAdHoc(recognizer, text, context, threshold ?? 0));
            }

            answers.Add([.. Deduplicate(found.Where(f => !allow(text.Substring(f.Result.Start, f.Result.Length))))
                .Select(f => ToPresidio(text, f, explain))]);
        }

        return batch ? answers : answers[0];
    }

    /// <summary>Throws unless <paramref name="language"/> is one the silo analyses (Presidio's message, then ours).</summary>
    public static void CheckLanguage(string? language)
    {
        if (language is not null && language != PiiSettings.Language)
        {
            throw new PresidioRequestException(
                $"No matching recognizers were found to serve the request. This silo analyses English (\"{PiiSettings.Language}\") only.");
        }
    }

    private static (List<string> Texts, bool Batch) ReadTexts(JsonElement body)
    {
        if (!body.TryGetProperty("text", out var text) || text.ValueKind == JsonValueKind.Null)
        {
            throw new PresidioRequestException("No text provided");
        }

        if (text.ValueKind == JsonValueKind.String)
        {
            var value = text.GetString()!;
            return value.Length == 0 ? throw new PresidioRequestException("No text provided") : ([value], false);
        }

        if (text.ValueKind != JsonValueKind.Array || text.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            throw new PresidioRequestException("text must be a string or a list of strings.");
        }

        var texts = text.EnumerateArray().Select(v => v.GetString()!).ToList();
        return texts.Count == 0 ? throw new PresidioRequestException("No text provided") : (texts, true);
    }

    private static List<PresidioAdHocRecognizer> ReadAdHoc(JsonElement body, string language, List<string>? entities)
    {
        if (!body.TryGetProperty("ad_hoc_recognizers", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new PresidioRequestException("ad_hoc_recognizers must be a list of pattern recognizers.");
        }

        // Presidio runs a recognizer only for its language and, when entities are named, only for those.
        var flags = PresidioRequestJson.OptionalInt(body, "regex_flags");
        return [.. array.EnumerateArray().Select((element, index) => PresidioAdHocRecognizer.Read(element, index, flags))
            .Where(r => r.Language == language && (entities is null || entities.Count == 0 || entities.Contains(r.Entity)))];
    }

    private static Func<string, bool> AllowList(JsonElement body)
    {
        var allow = PresidioRequestJson.OptionalStrings(body, "allow_list");
        var match = PresidioRequestJson.OptionalString(body, "allow_list_match") ?? "exact";
        var flags = PresidioRequestJson.OptionalInt(body, "regex_flags");
        if (allow is not { Count: > 0 })
        {
            return static _ => false;
        }

        if (match == "exact")
        {
            var exact = allow.ToHashSet(StringComparer.Ordinal);
            return exact.Contains;
        }

        if (match != "regex")
        {
            throw new PresidioRequestException("allow_list_match must be \"exact\" or \"regex\".");
        }

        Regex regex;
        try
        {
            // Presidio's default regex flags are IGNORECASE | MULTILINE | DOTALL (Python's 2 | 8 | 16).
            var f = flags ?? 26;
            var options = ((f & 2) != 0 ? RegexOptions.IgnoreCase : RegexOptions.None) | ((f & 8) != 0 ? RegexOptions.Multiline : RegexOptions.None)
                | ((f & 16) != 0 ? RegexOptions.Singleline : RegexOptions.None);
            regex = new Regex($"^(?:{string.Join('|', allow)})$", options | RegexOptions.CultureInvariant, AllowListTimeout);
        }
        catch (ArgumentException)
        {
            throw new PresidioRequestException("allow_list holds an invalid regular expression.");
        }

        return regex.IsMatch;
    }

    // Entity type → the context words of its recognizers, for the request's context list.
    private static Dictionary<string, string[]> ContextByEntity(PiiEngine engine) =>
        engine.Recognizers.OfType<PatternRecognizer>().GroupBy(r => r.Entity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.ContextWords).Select(w => w.ToLowerInvariant()).Distinct().ToArray(),
                StringComparer.Ordinal);

    private static IEnumerable<Found> RunAdHoc(PresidioAdHocRecognizer recognizer, string text, List<string> context, double threshold)
    {
        var words = recognizer.Context.Select(w => w.ToLowerInvariant()).ToArray();
        foreach (var (part, pattern) in recognizer.Parts)
        {
            var results = new List<RecognizerResult>();
            part.Analyze(text, RecognitionRequest.Default, results);
            foreach (var raw in results)
            {
                var enhanced = Enhancer.Enhance(text, raw, recognizer.ContextWords, null);
                var found = new Found(raw with { Score = enhanced }, pattern?.Name ?? "deny_list", pattern?.Regex, raw.Score, "");
                found = enhanced != raw.Score ? found : WithRequestContext(text, found, words, context);
                if (found.Result.Score >= threshold && found.Result.Score > 0)
                {
                    yield return found;
                }
            }
        }
    }

    // Presidio counts a request's context word as support when one of the entity's context words occurs in it.
    private static Found WithRequestContext(string text, Found found, string[]? words, List<string> context)
    {
        if (words is not { Length: > 0 } || context.Count == 0 || found.Result.Score >= 1.0)
        {
            return found;
        }

        var supportive = words.FirstOrDefault(w => context.Any(c => c.Contains(w, StringComparison.Ordinal)));
        if (supportive is null || Enhancer.Enhance(text, found.Result, new ContextWords(words), null) != found.Result.Score)
        {
            return found; // no support, or the text itself supports it and it was raised already
        }

        var options = AnalyzerOptions.Default;
        var score = Math.Min(1.0, Math.Max(found.Result.Score + options.ContextBoost, options.MinScoreWithContext));
        return found with { Result = found.Result with { Score = score }, SupportiveWord = supportive };
    }

    // Presidio's duplicate removal: highest score first; a result equal to, or inside, a kept one of its type is dropped.
    private static List<Found> Deduplicate(IEnumerable<Found> found)
    {
        var ordered = found.OrderByDescending(f => f.Result.Score).ThenBy(f => f.Result.Start).ThenByDescending(f => f.Result.Length);
        var kept = new List<Found>();
        foreach (var f in ordered)
        {
            var r = f.Result;
            if (!kept.Any(k => k.Result.EntityType == r.EntityType && k.Result.Start <= r.Start && k.Result.End >= r.End))
            {
                kept.Add(f);
            }
        }

        return kept;
    }

    private static PresidioAnalyzerResult ToPresidio(string text, Found f, bool explain)
    {
        var r = f.Result;
        var explanation = explain
            ? new PresidioAnalysisExplanation(r.Recognizer, f.PatternName, f.Pattern, f.OriginalScore, r.Score, null,
                r.Score - f.OriginalScore, f.SupportiveWord, null)
            : null;
        return new PresidioAnalyzerResult(explanation, PresidioOffsets.ToCodePoints(text, r.End), r.EntityType, r.Score,
            PresidioOffsets.ToCodePoints(text, r.Start));
    }

    private sealed record Found(RecognizerResult Result, string? PatternName, string? Pattern, double OriginalScore, string SupportiveWord);
}
