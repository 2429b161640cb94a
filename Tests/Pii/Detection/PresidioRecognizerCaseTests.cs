using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Recognizers;

namespace PiiOrleans.Tests.Pii.Detection;

/// <summary>
/// Each recognizer on its own, as Presidio's predefined recognizers are used: the spans it reports (any score above 0,
/// before context and thresholds), written from Presidio's documented formats and from where we deliberately differ.
/// </summary>
public sealed class PresidioRecognizerCaseTests
{
    private static readonly Dictionary<string, PatternRecognizer> ByEntity =
        RecognizerRegistry.BuiltInRecognizers().Where(r => r.Entity != EntityTypes.Location).ToDictionary(r => r.Entity, StringComparer.Ordinal);

    private static List<RecognizerResult> Run(string entity, string text)
    {
        var results = new List<RecognizerResult>();
        ByEntity[entity].Analyze(text, RecognitionRequest.Default, results);
        return results;
    }

    private static string[] Spans(string entity, string text) =>
        [.. Run(entity, text).Select(r => text[r.Start..r.End]).Distinct()];

    [Theory]
    [InlineData("Server at 192.168.0.1 responded", "192.168.0.1")]
    [InlineData("The private block 10.0.0.0/8 is routed", "10.0.0.0/8")]
    [InlineData("localhost is 127.0.0.1.", "127.0.0.1")]
    [InlineData("full 2001:0db8:85a3:0000:0000:8a2e:0370:7334 form", "2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("compressed 2001:db8::8a2e:370:7334 form", "2001:db8::8a2e:370:7334")]
    [InlineData("loopback ::1 here", "::1")]
    [InlineData("trailing fe80:: end", "fe80::")]
    [InlineData("link-local fe80::1%eth0 on the interface", "fe80::1%eth0")]
    [InlineData("mapped ::ffff:192.0.2.128 address", "::ffff:192.0.2.128")]
    [InlineData("NAT64 64:ff9b::192.0.2.33 address", "64:ff9b::192.0.2.33")]
    [InlineData("the 2001:db8::/32 documentation prefix", "2001:db8::/32")]
    [InlineData("in a URL http://[2001:db8::1]:8080/", "2001:db8::1")]
    [InlineData("upper case 2001:DB8::ABCD too", "2001:DB8::ABCD")]
    public void Ip_addresses_in_every_form(string text, string expected) =>
        Assert.Equal([expected], Spans(EntityTypes.IpAddress, text));

    [Theory]
    [InlineData("version 1.2.3.4.5 released")]
    [InlineData("256.1.1.1 is not an address")]
    [InlineData("dated 01.02.2024")]
    [InlineData("at 10:30:45 sharp")]
    [InlineData("mac 00:1A:2B:3C:4D:5E")]
    [InlineData("1:2:3:4:5:6:7:8:9 has nine groups")]
    [InlineData("std::vector and Foo::Bar are C++")]
    [InlineData("prefix 10.1.2.3/40 is out of range")]
    public void Ip_look_alikes_are_not_addresses(string text) => Assert.Empty(Spans(EntityTypes.IpAddress, text));

    [Fact]
    public void The_unspecified_ipv6_address_is_very_weak()
    {
        var result = Assert.Single(Run(EntityTypes.IpAddress, "bound to :: on all interfaces"));
        Assert.Equal(0.1, result.Score);
    }

    [Theory]
    [InlineData("at 2020-01-15T10:20:30Z", "2020-01-15T10:20:30Z")]
    [InlineData("at 2020-01-15T10:20:30.123+02:00 sharp", "2020-01-15T10:20:30.123+02:00")]
    [InlineData("born 3/29/1982", "3/29/1982")]
    [InlineData("born 29/03/1982", "29/03/1982")]
    [InlineData("filed 2020/03/15", "2020/03/15")]
    [InlineData("filed 2020.03.15", "2020.03.15")]
    [InlineData("on 15.03.1985", "15.03.1985")]
    [InlineData("on 03-15-2020", "03-15-2020")]
    [InlineData("on 2020-3-5", "2020-3-5")]
    [InlineData("expires 15-JAN-2020", "15-JAN-2020")]
    [InlineData("expires 15-Jan-20", "15-Jan-20")]
    [InlineData("since JAN-2020", "JAN-2020")]
    [InlineData("on 15-Jan", "15-Jan")]
    [InlineData("valid 12/2020", "12/2020")]
    [InlineData("valid 5/21", "5/21")]
    [InlineData("born on November 3, 1988.", "November 3, 1988")]
    public void Dates_in_presidio_formats(string text, string expected) =>
        Assert.Contains(expected, Spans(EntityTypes.DateTime, text));

    [Theory]
    [InlineData("on 13/13/2020")]
    [InlineData("on 2020-13-01")]
    [InlineData("on 32.01.2020")]
    public void Impossible_dates_are_rejected(string text) => Assert.Empty(Spans(EntityTypes.DateTime, text));

    [Fact]
    public void Month_and_year_alone_are_weak_and_not_reported_inside_a_full_date()
    {
        Assert.Equal(0.2, Assert.Single(Run(EntityTypes.DateTime, "valid 12/2020")).Score);
        Assert.Equal(0.1, Assert.Single(Run(EntityTypes.DateTime, "valid 12/20")).Score);
        Assert.Equal(["3/10/2020"], Spans(EntityTypes.DateTime, "on 3/10/2020"));
    }

    [Theory]
    [InlineData("license AC432223", "AC432223")]
    [InlineData("license H12345678", "H12345678")]
    [InlineData("license A123456R", "A123456R")]
    [InlineData("license A1234", "A1234")]
    [InlineData("license 1234567A", "1234567A")]
    [InlineData("license 12345678AB", "12345678AB")]
    [InlineData("license 12ABC12345", "12ABC12345")]
    [InlineData("license 123AB1234", "123AB1234")]
    [InlineData("license A1B2C", "A1B2C")]
    [InlineData("license 123456789", "123456789")]
    public void Driver_licenses_in_state_shapes(string text, string expected) =>
        Assert.Equal([expected], Spans(EntityTypes.UsDriverLicense, text));

    [Theory]
    [InlineData("paper size A4")]
    [InlineData("seat B12")]
    [InlineData("a Ford F150")]
    public void Short_letter_digit_codes_are_not_licenses(string text) => Assert.Empty(Spans(EntityTypes.UsDriverLicense, text));

    [Theory]
    [InlineData("passport 912803456", "912803456")]
    [InlineData("passport A12345678", "A12345678")]
    [InlineData("passport a12345678", "a12345678")]
    public void Passports(string text, string expected) => Assert.Equal([expected], Spans(EntityTypes.UsPassport, text));

    [Theory]
    [InlineData("passport 91280345")]
    [InlineData("passport AB1234567")]
    [InlineData("passport 9128034567")]
    public void Passport_look_alikes(string text) => Assert.Empty(Spans(EntityTypes.UsPassport, text));

    [Theory]
    [InlineData("itin 911-70-1234", "911-70-1234", 0.7)]
    [InlineData("itin 911 70 1234", "911 70 1234", 0.7)]
    [InlineData("itin 911701234", "911701234", 0.3)]
    [InlineData("itin 911-70 1234", "911-70 1234", 0.5)]
    [InlineData("itin 911-701234", "911-701234", 0.1)]
    [InlineData("itin 91170-1234", "91170-1234", 0.1)]
    [InlineData("itin 999-99-9999", "999-99-9999", 0.7)]
    public void Itins(string text, string expected, double score)
    {
        var result = Assert.Single(Run(EntityTypes.UsItin, text));
        Assert.Equal(expected, text[result.Start..result.End]);
        Assert.Equal(score, result.Score);
    }

    [Theory]
    [InlineData("itin 911-89-1234")]
    [InlineData("itin 911-93-1234")]
    [InlineData("itin 811-70-1234")]
    public void Itin_groups_outside_the_ranges(string text) => Assert.Empty(Spans(EntityTypes.UsItin, text));

    [Theory]
    [InlineData("ssn 536-22-8726", "536-22-8726")]
    [InlineData("ssn 536 22 8726", "536 22 8726")]
    [InlineData("ssn 536.22.8726", "536.22.8726")]
    [InlineData("ssn 536228726", "536228726")]
    [InlineData("ssn 53622-8726", "53622-8726")]
    [InlineData("ssn 536-228726", "536-228726")]
    public void Ssns(string text, string expected) => Assert.Equal([expected], Spans(EntityTypes.UsSsn, text));

    [Theory]
    [InlineData("ssn 666-12-3456")]
    [InlineData("ssn 000-12-3456")]
    [InlineData("ssn 536-00-8726")]
    [InlineData("ssn 536-22-0000")]
    [InlineData("ssn 536-22.8726")]
    [InlineData("ssn 111-11-1111")]
    [InlineData("ssn 123-45-6789")]
    [InlineData("ssn 078-05-1120")]
    [InlineData("ssn 912-34-5678")]
    public void Impossible_ssns(string text) => Assert.Empty(Spans(EntityTypes.UsSsn, text));

    [Theory]
    [InlineData("visa 4012888888881881", "4012888888881881", 1.0)]
    [InlineData("visa 4012-8888-8888-1881", "4012-8888-8888-1881", 1.0)]
    [InlineData("visa 4012 8888 8888 1881", "4012 8888 8888 1881", 1.0)]
    [InlineData("amex 371449635398431", "371449635398431", 1.0)]
    [InlineData("diners 30569309025904", "30569309025904", 1.0)]
    [InlineData("jcb 3530111333300000", "3530111333300000", 1.0)]
    [InlineData("jcb 213112345678904", "213112345678904", 1.0)]
    [InlineData("jcb 180012345678905", "180012345678905", 1.0)]
    [InlineData("mastercard 2223000048400011", "2223000048400011", 1.0)]
    [InlineData("discover 6011111111111117", "6011111111111117", 1.0)]
    [InlineData("unionpay 6200000000000005", "6200000000000005", 1.0)]
    [InlineData("unionpay 6212345678901234569", "6212345678901234569", 1.0)]
    [InlineData("maestro 501812345673", "501812345673", 0.3)]
    [InlineData("maestro 6759 1234 5674", "6759 1234 5674", 0.3)]
    public void Cards_of_every_issuer(string text, string expected, double score)
    {
        var result = Assert.Single(Run(EntityTypes.CreditCard, text));
        Assert.Equal(expected, text[result.Start..result.End]);
        Assert.Equal(score, result.Score);
    }

    [Theory]
    [InlineData("visa 4012888888881882")]
    [InlineData("visa 4012-8888 8888-1881")]
    [InlineData("number 810012345678903")]
    [InlineData("number 401288888888")]
    public void Card_look_alikes(string text) => Assert.Empty(Spans(EntityTypes.CreditCard, text));

    [Theory]
    [InlineData("visit example.ninja today", "example.ninja")]
    [InlineData("see https://www.example.com/a?b=1.", "https://www.example.com/a?b=1")]
    [InlineData("see www.example.org", "www.example.org")]
    [InlineData("see 'https://example.com/x'", "https://example.com/x")]
    public void Urls_with_and_without_scheme(string text, string expected) => Assert.Equal([expected], Spans(EntityTypes.Url, text));

    [Theory]
    [InlineData("it ended.Now we go")]
    public void Url_look_alikes(string text) => Assert.Empty(Spans(EntityTypes.Url, text));

    [Fact]
    public void A_url_is_never_reported_inside_an_email_address() =>
        Assert.Empty(Spans(EntityTypes.Url, "mail john@example.com now"));

    [Theory]
    [InlineData("My phone number is (425) 882-9090", "(425) 882-9090")]
    [InlineData("call +1-425-882-9090 now", "+1-425-882-9090")]
    [InlineData("call +12025550173 now", "+12025550173")]
    [InlineData("UK office +44 20 7946 0958", "+44 20 7946 0958")]
    [InlineData("UK office 020 7946 0958", "020 7946 0958")]
    [InlineData("Berlin +49 30 901820", "+49 30 901820")]
    [InlineData("Paris +33 1 70 36 92 00", "+33 1 70 36 92 00")]
    [InlineData("Israel +972-3-123-4567", "+972-3-123-4567")]
    [InlineData("India +91 98765 43210", "+91 98765 43210")]
    [InlineData("Brazil +55 11 91234-5678", "+55 11 91234-5678")]
    public void Phone_numbers_national_and_international(string text, string expected) =>
        Assert.Equal([expected], Spans(EntityTypes.PhoneNumber, text));

    [Theory]
    [InlineData("released v2.14.1-beta.3")]
    [InlineData("build 2020.01.15.1234")]
    [InlineData("dated 2020-01-15")]
    [InlineData("Windows 10.0.19041.1234 installed")]
    [InlineData("chrome 120.0.6099.109 update")]
    [InlineData("ISBN 978-3-16-148410-0 book")]
    public void Version_strings_and_dates_are_not_phone_numbers(string text) => Assert.Empty(Spans(EntityTypes.PhoneNumber, text));
}
