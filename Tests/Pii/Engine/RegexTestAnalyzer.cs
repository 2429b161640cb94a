using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Tests.Pii.Engine;

/// <summary>
/// A small stand-in analyzer for facade and REST tests (keeps them independent of the real recognizers):
/// e-mails, dashed phone numbers and a fixed list of names; counts calls so caching can be observed.
/// </summary>
internal sealed partial class RegexTestAnalyzer : IPiiAnalyzer, IEntityRecognizer
{
    private int _calls;

    public int Calls => _calls;

    public bool FailOnText { get; init; }

    public string Name => "RegexTestRecognizer";

    public IReadOnlyList<string> SupportedEntities => ["EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON"];

    public IReadOnlyList<IEntityRecognizer> Recognizers => [this];

    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
    {
        Interlocked.Increment(ref _calls);
        if (FailOnText && text.Contains("boom", StringComparison.Ordinal))
        {
            throw new RegexMatchTimeoutException();
        }

        Add(EmailPattern(), "EMAIL_ADDRESS", 1.0, text, request, results);
        Add(PhonePattern(), "PHONE_NUMBER", request.ColumnName == "phone" ? 0.9 : 0.6, text, request, results);
        Add(NamePattern(), "PERSON", 0.85, text, request, results);
    }

    public IReadOnlyList<List<RecognizerResult>> AnalyzeBatch(IReadOnlyList<string> texts, RecognitionRequest request)
    {
        var all = new List<List<RecognizerResult>>();
        foreach (var text in texts)
        {
            var results = new List<RecognizerResult>();
            Analyze(text, request, results);
            all.Add(results);
        }

        return all;
    }

    private void Add(Regex regex, string entity, double score, string text, RecognitionRequest request, List<RecognizerResult> results)
    {
        if (!request.Wants(entity))
        {
            return;
        }

        foreach (Match m in regex.Matches(text))
        {
            results.Add(new RecognizerResult(entity, m.Index, m.Index + m.Length, score, Name));
        }
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.None, 1000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b\d{3}-\d{3}-\d{4}\b", RegexOptions.None, 1000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(Alice Smith|Bob Jones|John)\b", RegexOptions.None, 1000)]
    private static partial Regex NamePattern();
}
