using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Recognizers;

namespace PiiOrleans.Tests.Pii.Detection;

/// <summary>The one-pass traits and the candidate positions: texts that cannot match are skipped, texts that can are still found.</summary>
public sealed class TextTraitsSkipTests
{
    [Theory]
    [InlineData("call 555-123-4567", TextTraits.Digits6)]
    [InlineData("call 555-1234", TextTraits.Digits6)]
    [InlineData("ssn 078-05-1120.", TextTraits.SeparatedDigits9)]
    [InlineData("card 4111 1111 1111 1111", TextTraits.SeparatedDigits13)]
    [InlineData("v1.2 and 10.0.0.1", TextTraits.DigitDotDigit)]
    [InlineData("fe80::1", TextTraits.HexColonPair)]
    [InlineData("2001:db8:85a3:0:0:8a2e:370:7334", TextTraits.HexColonPair)]
    [InlineData("12 Main Street", TextTraits.DigitThenSpace)]
    [InlineData("12B Main Street", TextTraits.DigitThenSpace)]
    [InlineData("Hauptstraße 5", TextTraits.SpaceThenDigit)]
    [InlineData("SW1A 1AA", TextTraits.CapitalThenDigit)]
    [InlineData("see https://x.org", TextTraits.SchemeSeparator)]
    [InlineData("example.org", TextTraits.DotThenLetter)]
    [InlineData("zip 12345", TextTraits.DigitRun5)]
    [InlineData("on 3/29/1982", TextTraits.DigitPunctuationDigit)]
    [InlineData("1985-03-15", TextTraits.DigitPunctuationDigit)]
    [InlineData("zip \u0661\u0662\u0663\u0664\u0665", TextTraits.DigitRun5)]
    [InlineData("12\u00A0Main", TextTraits.DigitThenSpace)]
    public void TraitsAreFound(string text, TextTraits trait) => Assert.Equal(trait, TextTraitsScanner.Scan(text) & trait);

    [Theory]
    [InlineData("call 555-12", TextTraits.Digits6)]
    [InlineData("078-05.1120 and 123 456", TextTraits.SeparatedDigits9)]
    [InlineData("382-029-3107 and 9.31.29.81", TextTraits.SeparatedDigits13)]
    [InlineData("ends. Next 9. 3", TextTraits.DigitDotDigit)]
    [InlineData("Website: https", TextTraits.HexColonPair)]
    [InlineData("at 12:30 and 9:45", TextTraits.HexColonPair | TextTraits.SchemeSeparator)]
    [InlineData("Sentence. Another one 12-34", TextTraits.DotThenLetter | TextTraits.DigitThenSpace | TextTraits.CapitalThenDigit)]
    [InlineData("1234-5678", TextTraits.DigitRun5)]
    public void TraitsAreAbsent(string text, TextTraits trait) => Assert.Equal(TextTraits.None, TextTraitsScanner.Scan(text) & trait);

    [Fact]
    public void TheAsciiAndTheFullScanAgree()
    {
        // The fast path jumps between interesting characters; a non-ASCII character forces the reference scan.
        string[] texts = ["Reach Ann at ann.lee.12@mail.example.com or 382-029-3107.", "SSN 263-42-5416. IP address: 9.31.29.81. Et",
            "card 4111-1111-1111-1111, box 12, Hauptstraße 5 and SW1A 1AA", "fe80::1 and https://x.org/a?b=1", "  - 12 34--56 7"];
        foreach (var text in texts)
        {
            Assert.Equal(TextTraitsScanner.Scan(text), TextTraitsScanner.Scan("é," + text));
        }
    }

    [Theory]
    [InlineData("Reach me at first.last.12@mail.example.com today", "EMAIL_ADDRESS")]
    [InlineData("a@b.co, then c@d.org and x@@y.net e@f.io", "EMAIL_ADDRESS")]
    [InlineData("Website: https://shanna.example.com/path.", "URL")]
    [InlineData("go to www.example.com or sub-domain.example.org", "URL")]
    [InlineData("SSN 263-42-5416. IP address: 9.31.29.81.", "US_SSN")]
    [InlineData("SSN 263-42-5416. IP address: 9.31.29.81.", "IP_ADDRESS")]
    [InlineData("server at fe80::1ff:fe23:4567:890a", "IP_ADDRESS")]
    [InlineData("pay with 4111 1111 1111 1111 please", "CREDIT_CARD")]
    [InlineData("call (555) 123-4567 now", "PHONE_NUMBER")]
    [InlineData("she lives at 1600 Pennsylvania Avenue, Washington, DC 20500", "LOCATION")]
    [InlineData("office in Hauptstraße 5, 10115 Berlin", "LOCATION")]
    [InlineData("write to P.O. Box 1234", "LOCATION")]
    [InlineData("born 1985-03-15 in town", "DATE_TIME")]
    [InlineData("born on 3/29/1982", "DATE_TIME")]
    [InlineData("born November 3, 1988", "DATE_TIME")]
    [InlineData("born 3rd of MAY 2020", "DATE_TIME")]
    public void TextsThatCanMatchAreStillFound(string text, string entity) =>
        Assert.Contains(AnalyzerEngine.Create().Analyze(text), r => r.EntityType == entity);

    [Fact]
    public void SkippedTextsAndPatternsFindNothing()
    {
        var results = new List<RecognizerResult>();
        // No group of nine digits with one separator: the SSN recognizer does not run (its validator would reject anyway).
        Assert.False(new UsSsnRecognizer().CanMatch(TextTraitsScanner.Scan("call 382-029 or 31.29.81")));
        Assert.False(new CreditCardRecognizer().CanMatch(TextTraitsScanner.Scan("382-029 and 9.31.29.81")));
        Assert.False(new UrlRecognizer().CanMatch(TextTraitsScanner.Scan("End. Next sentence, no host here.")));
        Assert.False(new IpAddressRecognizer().CanMatch(TextTraitsScanner.Scan("Website: https and 12:30")));
        new EmailRecognizer().Analyze("no at sign. here", RecognitionRequest.Default, results);
        new StreetAddressRecognizer().Analyze("room 5 of the Main hall, 382-029-3107", RecognitionRequest.Default, results);
        Assert.Empty(results);
    }

    [Fact]
    public void CustomPatternsValidatedAsCardsNeedTwelveDigits()
    {
        var card = new CreditCardRecognizer();
        var custom = new CustomPatternRecognizer("CREDIT_CARD", [new CustomPattern("dash", @"\b\d{4}-\d{4}-\d{4}-\d{4}\b", 0.9)], [], card);
        Assert.Equal(TextTraits.SeparatedDigits9, custom.RequiredTraits);
        var results = new List<RecognizerResult>();
        custom.Analyze("card 4111-1111-1111-1111", RecognitionRequest.Default, results);
        Assert.Single(results);
    }
}
