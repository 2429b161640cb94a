using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class NerSpanFilterTests
{
    private static string? Refine(string text, string value, string type = "PERSON", double score = 0.9)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var refined = NerSpanFilter.Refine(text, new NerSpan(type, start, start + value.Length, score), null);
        return refined is { } s ? text[s.Start..s.End] : null;
    }

    [Theory]
    [InlineData("I left because it rained.", "because")]
    [InlineData("It took three days to arrive.", "days")]
    [InlineData("Because it rained, we left.", "Because")]
    [InlineData("The parcel arrived.", "The")]
    public void DropsLowerCaseAndStopWordSpans(string text, string value) => Assert.Null(Refine(text, value));

    [Fact]
    public void TrimsLowerCaseWordsAndPunctuationOffTheEdges()
    {
        Assert.Equal("Alice Smith", Refine("Alice Smith is here.", "Alice Smith is"));
        Assert.Equal("Dave Kim", Refine("Dave Kim, a nurse.", "Dave Kim,"));
        Assert.Equal("Kim", Refine("ask kim Kim today", "kim Kim"));
    }

    [Fact]
    public void CutsPersonSpansAtInnerProseAndNumbers()
    {
        Assert.Equal("Ann Lee", Refine("Ann Lee and friends Bob came.", "Ann Lee and friends Bob"));
        Assert.Equal("Sorlaskeid", Refine("Go to Sorlaskeid 32 Oslo.", "Sorlaskeid 32 Oslo"));
    }

    [Theory]
    [InlineData("The verses from Jeremy Oohara's Tales", "Jeremy Oohara's", "Jeremy Oohara")]
    [InlineData("I'm Mary\\'s daughter", "Mary\\'s", "Mary")]
    [InlineData("Directed by Keith Bult Jr. and others", "Keith Bult Jr", "Keith Bult Jr.")]
    public void TrimsAPossessiveAndTakesTheDotOfJr(string text, string value, string expected) => Assert.Equal(expected, Refine(text, value));

    [Theory]
    [InlineData("nicholas muir listed his top songs", "nicholas muir listed", "nicholas muir")]
    [InlineData("she named him joshua", "named him joshua", "joshua")]
    public void InALowerCaseTextEnglishWordsAtTheEdgeOfANameAreProse(string text, string value, string expected)
    {
        var gazetteer = Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer"));
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var refined = NerSpanFilter.Refine(text, new NerSpan("PERSON", start, start + value.Length, 0.9), gazetteer, cased: false);
        Assert.NotNull(refined);
        Assert.Equal(expected, text[refined.Value.Start..refined.Value.End]);
    }

    [Theory]
    [InlineData("Please reply ASAP.", "ASAP")]
    [InlineData("Use the ATM on the corner.", "ATM")]
    [InlineData("My IBAN is below.", "IBAN")]
    public void DropsEverydayAbbreviations(string text, string value) => Assert.Null(Refine(text, value, "ORGANIZATION"));

    [Fact]
    public void KeepsAnAcronymThatIsACompany() => Assert.Equal("IBM", Refine("She joined IBM last year.", "IBM", "ORGANIZATION"));

    [Fact]
    public void KeepsNameParticles() => Assert.Equal("Ludwig van Beethoven", Refine("By Ludwig van Beethoven.", "Ludwig van Beethoven"));

    [Fact]
    public void KeepsTheDotOfAnInitial() => Assert.Equal("John F.", Refine("Call John F. now", "John F."));

    [Fact]
    public void KeepsTheDotOfACompanyAbbreviation() =>
        Assert.Equal("Smith Ltd.", Refine("Kai spent a year at Smith Ltd. as an assistant", "Smith Ltd.", "ORGANIZATION"));

    [Fact]
    public void LowersTheScoreOfAnUnknownSentenceInitialWord()
    {
        const string text = "Yesterday. Carrots grow.";
        var start = text.IndexOf("Carrots", StringComparison.Ordinal);
        var refined = NerSpanFilter.Refine(text, new NerSpan("PERSON", start, start + 7, 0.6), null);
        Assert.NotNull(refined);
        Assert.True(refined.Value.Score < 0.35, $"score {refined.Value.Score}");
    }

    [Fact]
    public void StopWordsIgnoreCase()
    {
        Assert.True(NerSpanFilter.IsStopWord("because"));
        Assert.True(NerSpanFilter.IsStopWord("Because"));
        Assert.False(NerSpanFilter.IsStopWord("Alice"));
    }

    [Theory]
    [InlineData("Don't go.", "Don't")]
    [InlineData("Suite 500 is upstairs.", "Suite")]
    [InlineData("Celebrating. Celebrating is fun.", "Celebrating is")]
    public void DropsContractionsAddressWordsAndSentenceInitialGerunds(string text, string value) => Assert.Null(Refine(text, value));

    [Fact]
    public void ANameNeverCrossesALineBreak() => Assert.Equal("Jane Roe", Refine("Jane Roe\nSuite 5", "Jane Roe\nSuite"));

    [Fact]
    public void LowersTheScoreOfShoutedUnknownWords()
    {
        const string text = "PLEASE SPEAK UP";
        var refined = NerSpanFilter.Refine(text, new NerSpan("PERSON", 7, 12, 0.6), null);
        Assert.NotNull(refined);
        Assert.True(refined.Value.Score < 0.35, $"score {refined.Value.Score}");
    }

    [Fact]
    public void KeepsAPostalAddressLineAsOneLocation()
    {
        const string text = "Send it to 66 Dalmatinova 112 Apt. 846, Drijette, Qatar 52904 please.";
        Assert.Equal("66 Dalmatinova 112 Apt. 846, Drijette, Qatar 52904", Refine(text, "66 Dalmatinova 112 Apt. 846, Drijette, Qatar 52904", "LOCATION"));
    }

    [Fact]
    public void SplitsAMultiLineLocationIntoOneSpanPerLine()
    {
        const string text = "Ann Lee\n49 Nassaustraat 123\n>Ormiston, NZ 04293\n";
        var start = text.IndexOf("49", StringComparison.Ordinal);
        var spans = NerSpanFilter.SplitLines(text, [new NerSpan("LOCATION", start, text.Length - 1, 0.9), new NerSpan("PERSON", 0, 7, 0.9)])
            .Select(s => NerSpanFilter.Refine(text, s, null)).Where(s => s is not null).Select(s => text[s!.Value.Start..s.Value.End]).ToArray();
        Assert.Equal(["49 Nassaustraat 123", "Ormiston, NZ 04293", "Ann Lee"], spans);
    }

    [Fact]
    public void DropsANumberThatIsNoAddress()
    {
        Assert.Null(Refine("I have 12 cats.", "12", "LOCATION"));
        Assert.Null(RefineUncased("i have 12 cats.", "12", "LOCATION"));
    }

    [Theory]
    [InlineData("I LOVE miley cyrus SO much", "miley cyrus", "PERSON", "miley cyrus")]
    [InlineData("RT @x : going to auckland tomorrow !", "auckland", "LOCATION", "auckland")]
    [InlineData("I LOVE you, said the girl", "you,", "PERSON", null)]
    public void ALowerCaseSpanInACasedTextGetsTheLowerCaseRules(string text, string value, string type, string? expected) =>
        Assert.Equal(expected, Refine(text, value, type));

    [Fact]
    public void TrimsOnlyPunctuationAndFunctionWordsInALowerCaseText()
    {
        const string text = "i'm so jealous! said petra to michael.";
        Assert.Equal("michael", RefineUncased(text, "michael."));
        Assert.Null(RefineUncased(text, "to"));
    }

    private static string? RefineUncased(string text, string value, string type = "PERSON")
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var refined = NerSpanFilter.Refine(text, new NerSpan(type, start, start + value.Length, 0.9), null, cased: false);
        return refined is { } s ? text[s.Start..s.End] : null;
    }

    [Fact]
    public void InALowerCaseTextAPersonMustHoldAKnownName()
    {
        const string text = "but petra just said he put it there";
        var gazetteer = Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer"));
        NerSpan At(string value) => new("PERSON", text.IndexOf(value, StringComparison.Ordinal), text.IndexOf(value, StringComparison.Ordinal) + value.Length, 0.9);
        var petra = NerSpanFilter.Refine(text, At("but petra just"), gazetteer, cased: false);
        Assert.NotNull(petra);
        Assert.Equal("petra", text[petra.Value.Start..petra.Value.End]);
        Assert.Null(NerSpanFilter.Refine(text, At("he put"), gazetteer, cased: false));
    }

    [Fact]
    public void InACasedTextALowerCasePersonNeedsAKnownNameNotAContextWord()
    {
        const string text = "Songs sung by salarymen , sung by petra . Unfortunately";
        var gazetteer = Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer"));
        NerSpan At(string value) => new("PERSON", text.IndexOf(value, StringComparison.Ordinal), text.IndexOf(value, StringComparison.Ordinal) + value.Length, 0.9);
        Assert.Null(NerSpanFilter.Refine(text, At("salarymen"), gazetteer));
        var petra = NerSpanFilter.Refine(text, At("petra"), gazetteer);
        Assert.NotNull(petra);
        Assert.Equal("petra", text[petra.Value.Start..petra.Value.End]);
        // In a lower-case text the context word is enough.
        Assert.NotNull(NerSpanFilter.Refine(text.ToLowerInvariant(), At("salarymen"), gazetteer, cased: false));
    }

    [Theory]
    [InlineData("Yesterday Klaudia just left.", "Klaudia", "LOCATION", "PERSON")]
    [InlineData("The Robert Petersen version recorded live.", "Robert Petersen", "ORGANIZATION", "PERSON")]
    [InlineData("We flew to Amsterdam today.", "Amsterdam", "LOCATION", "LOCATION")]
    [InlineData("She joined Robert Bosch GmbH today.", "Robert Bosch GmbH", "ORGANIZATION", "ORGANIZATION")]
    [InlineData("Where: Kraków Country Club.", "Kraków Country Club", "PERSON", "ORGANIZATION")]
    [InlineData("Glad to hear that Serbia is moving.", "Serbia", "ORGANIZATION", "LOCATION")]
    [InlineData("Glad to hear that United Arab Emirates is moving.", "United Arab Emirates", "PERSON", "LOCATION")]
    [InlineData("Glad to hear that Jordan is moving.", "Jordan", "PERSON", "PERSON")]
    [InlineData("Texas is by far the sketchiest state in America", "America", "LOCATION", "LOCATION")]
    public void FixesTheTypeOfKnownNamesAndFacilities(string text, string value, string modelType, string expected)
    {
        var gazetteer = Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer"));
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var refined = NerSpanFilter.Refine(text, new NerSpan(modelType, start, start + value.Length, 0.9), gazetteer);
        Assert.NotNull(refined);
        Assert.Equal(expected, refined.Value.EntityType);
    }

    [Fact]
    public void TrimsCaselessScriptDebrisOffANameAndTakesContextForUnknownLowerCaseNames()
    {
        const string text = "A tribute to Rachel Holloway ג€“ sadly.";
        Assert.Equal("Rachel Holloway", Refine(text, "Rachel Holloway ג"));
        var gazetteer = Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer"));
        const string chat = "my name is mieszko";
        var refined = NerSpanFilter.Refine(chat, new NerSpan("PERSON", 11, 18, 0.9), gazetteer, cased: false);
        Assert.NotNull(refined);
    }

    [Theory]
    [InlineData("They said Battery is found in me.", "Battery", 0.9 - NerSpanFilter.UnconfirmedSingleWordPenalty - NerSpanFilter.EnglishWordPenalty)]
    [InlineData("Then Zoolander walked in.", "Zoolander", 0.9 - NerSpanFilter.UnconfirmedSingleWordPenalty)]
    [InlineData("Then Heidi walked in.", "Heidi", 0.9)]
    [InlineData("Then Bush walked in.", "Bush", 0.9 - NerSpanFilter.UnconfirmedSingleWordPenalty)]
    public void AnEnglishWordThatIsNoNameLosesMoreThanAnUnknownWord(string text, string value, double expected) =>
        AssertScore(text, value, "PERSON", expected);

    [Theory]
    [InlineData("Forces loyal to bin Laden fled.", "Laden", "bin Laden")]
    [InlineData("He admired de Gaulle greatly.", "Gaulle", "de Gaulle")]
    [InlineData("The cleric Muqtada al-Sadr spoke.", "Muqtada al-Sadr", "Muqtada al-Sadr")]
    [InlineData("Supporters of al-Sadr marched.", "al-Sadr", "al-Sadr")]
    [InlineData("They met the Laden family.", "Laden", "Laden")]
    [InlineData("A vendor sold Gogh prints.", "Gogh", "Gogh")]
    [InlineData("Send Ann e-Mail now.", "Ann e-Mail", "Ann")]
    public void NameParticlesBelongToTheSurname(string text, string value, string expected) =>
        Assert.Equal(expected, RefineWithLists(text, value, "PERSON").Value);

    [Theory]
    [InlineData("We walked to Lincoln Reservoir today.", "Lincoln Reservoir", "LOCATION")]
    [InlineData("The German Empire fell in 1918.", "German Empire", "LOCATION")]
    [InlineData("Then Ricki Lake walked in.", "Ricki Lake", "PERSON")]
    [InlineData("Then Chris Lane walked in.", "Chris Lane", "PERSON")]
    public void APersonSpanEndingInAPlaceWordIsAPlace(string text, string value, string expected) =>
        Assert.Equal((expected, value), RefineWithLists(text, value, "PERSON"));

    [Theory]
    [InlineData("Israeli forces moved north.", "Israeli", "LOCATION", "NRP")]
    [InlineData("Officials said Iraqis voted.", "Iraqis", "ORGANIZATION", "NRP")]
    [InlineData("The Sunni mosque was closed.", "Sunni", "LOCATION", "NRP")]
    [InlineData("Then Labour won the seat.", "Labour", "ORGANIZATION", "ORGANIZATION")]
    [InlineData("Then Christian walked in.", "Christian", "PERSON", "PERSON")]
    [InlineData("The Israeli Defense Forces moved.", "Israeli Defense Forces", "ORGANIZATION", "ORGANIZATION")]
    public void ALoneNationalityOrReligionWordIsAGroup(string text, string value, string type, string expected) =>
        Assert.Equal((expected, value), RefineWithLists(text, value, type));

    // The span over the first occurrence of value, scored 0.9, refined with the shipped lists: its type and text.
    private static (string Type, string Value) RefineWithLists(string text, string value, string type)
    {
        var gazetteer = Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer"));
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var refined = NerSpanFilter.Refine(text, new NerSpan(type, start, start + value.Length, 0.9), gazetteer);
        Assert.NotNull(refined);
        return (refined.Value.EntityType, text[refined.Value.Start..refined.Value.End]);
    }

    [Fact]
    public void AFrequentSurnameThatIsAWordIsSparedOnlyAsAPerson()
    {
        // "Bush" (84,018 bearers in the 2010 census) is a surname and a word: as a place it is still just a word.
        AssertScore("Then Bush walked in.", "Bush", "PERSON", 0.9 - NerSpanFilter.UnconfirmedSingleWordPenalty);
        AssertScore("We drove to Bush today.", "Bush", "LOCATION", 0.9 - NerSpanFilter.UnconfirmedSingleWordPenalty - NerSpanFilter.EnglishWordPenalty);
        AssertScore("They said Battery is found in me.", "Battery", "PERSON", 0.9 - NerSpanFilter.UnconfirmedSingleWordPenalty - NerSpanFilter.EnglishWordPenalty);
    }

    [Theory]
    [InlineData("Words like Wisdom are mistaken.", "Wisdom", 0.9 - NerSpanFilter.UnconfirmedSingleWordPenalty - NerSpanFilter.EnglishWordPenalty)]
    [InlineData("Sent to MOSS today.", "MOSS", 0.9 - NerSpanFilter.UnconfirmedSingleWordPenalty)]
    [InlineData("We flew to Amsterdam today.", "Amsterdam", 0.9)]
    public void AnEnglishWordThatIsNoPlaceLosesMoreAsALocation(string text, string value, double expected) =>
        AssertScore(text, value, "LOCATION", expected);

    private static void AssertScore(string text, string value, string type, double expected)
    {
        var gazetteer = Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer"));
        Assert.True(gazetteer.EnglishWordCount > 50_000);
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var refined = NerSpanFilter.Refine(text, new NerSpan(type, start, start + value.Length, 0.9), gazetteer);
        Assert.NotNull(refined);
        Assert.Equal(expected, refined.Value.Score, 4);
    }

    [Theory]
    [InlineData(">Tina Alexandrov >Suite 5", "Tina", "Tina Alexandrov")]
    [InlineData("Ask Tina Today about it.", "Tina", "Tina")]
    [InlineData("Tina Amsterdam office", "Tina", "Tina")]
    public void AKnownFirstNameTakesTheSurnameAfterIt(string text, string value, string expected) =>
        Assert.Equal(expected, RefineWithLists(text, value, "PERSON").Value);

    [Theory]
    [InlineData("It was Sir John d'Urberville who came.", "Sir John", "Sir John d'Urberville")]
    [InlineData("Then Jean l’Estrange-Smith left.", "Jean", "Jean l’Estrange-Smith")]
    [InlineData("Ask Tina about d'Artagnan's horse.", "Tina", "Tina")]
    [InlineData("Sir John d'or is French.", "Sir John", "Sir John")]
    public void AnElidedParticleSurnameAfterANameBelongsToIt(string text, string value, string expected)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var refined = NerSpanFilter.Refine(text, new NerSpan("PERSON", start, start + value.Length, 0.9), gazetteer: null);
        Assert.NotNull(refined);
        Assert.Equal(expected, text[refined.Value.Start..refined.Value.End]);
    }

    [Theory]
    [InlineData("RT @Missyknowles_ : I enjoy it", "Missyknowles", "@Missyknowles_")]
    [InlineData("Hey @Luke5SOS @calum_5 pizza", "Luke5SOS @calum", "@Luke5SOS|@calum_5")]
    [InlineData("@paynewere lol", "@paynewere", "@paynewere")]
    public void AUserNameIsMaskedWholeWithItsAt(string text, string value, string expected)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var handles = new List<NerSpan>();
        Assert.True(NerSpanFilter.TrySplitHandles(text, new NerSpan("PERSON", start, start + value.Length, 0.8), handles));
        Assert.Equal(expected, string.Join("|", handles.Select(h => text[h.Start..h.End])));
        Assert.All(handles, h => Assert.Equal(0.8, h.Score));
    }

    [Theory]
    [InlineData("Ask @Tina Alexandrov today", "Tina Alexandrov")]
    [InlineData("Tina Alexandrov wrote", "Tina Alexandrov")]
    public void ASpanWithMoreThanHandlesIsNoHandle(string text, string value)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        var handles = new List<NerSpan>();
        Assert.False(NerSpanFilter.TrySplitHandles(text, new NerSpan("PERSON", start, start + value.Length, 0.8), handles));
        Assert.Empty(handles);
    }

    [Fact]
    public void ASpanThatStartsWithAHandleYieldsTheHandleAndTheRest()
    {
        const string text = "RT @x : @JadeAndreou HAPPY BIRTHDAY BABYGIRL !";
        var start = text.IndexOf("JadeAndreou", StringComparison.Ordinal);
        var handles = new List<NerSpan>();
        Assert.True(NerSpanFilter.TrySplitHandles(text, new NerSpan("PERSON", start, start + "JadeAndreou HAPPY BIRTHDAY".Length, 0.8), handles, out var rest));
        Assert.Equal(["@JadeAndreou"], handles.Select(h => text[h.Start..h.End]));
        Assert.Equal("HAPPY BIRTHDAY", text[rest!.Value.Start..rest.Value.End]);
    }

    [Theory]
    [InlineData("writers Mark Twain , Christopher Moore , Morris West and others", "Mark Twain , Christopher Moore , Morris West", "PERSON", "Mark Twain|Christopher Moore|Morris West")]
    [InlineData("bands Bad Religion, Shonen Knife played", "Bad Religion, Shonen Knife", "ORGANIZATION", "Bad Religion|Shonen Knife")]
    [InlineData("the firm Jones, Mitchell and Williams said", "Jones, Mitchell and Williams", "ORGANIZATION", "Jones, Mitchell and Williams")]
    [InlineData("shares of Apple, Inc. fell", "Apple, Inc.", "ORGANIZATION", "Apple, Inc.")]
    [InlineData("said Martin Luther King, Jr. once", "Martin Luther King, Jr.", "PERSON", "Martin Luther King, Jr.")]
    public void SplitsListsOfNamesAtCommas(string text, string value, string type, string expected) =>
        Assert.Equal(expected, SplitParts(text, value, type));

    // The parts SplitLines makes of one model span over `value`, joined with '|'.
    private static string SplitParts(string text, string value, string type)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        return string.Join("|", NerSpanFilter.SplitLines(text, [new NerSpan(type, start, start + value.Length, 0.9)]).Select(s => text[s.Start..s.End].Trim()));
    }

    [Theory]
    [InlineData("talks between Pakistan Peoples Party and PML ended", "Pakistan Peoples Party and PML", "Pakistan Peoples Party|PML")]
    [InlineData("members of the Council on Foreign Relations and the Trilateral Commission", "Council on Foreign Relations and the Trilateral Commission", "Council on Foreign Relations|the Trilateral Commission")]
    [InlineData("the Sant Andreu Hotels and ApartHotels chain", "Sant Andreu Hotels and ApartHotels", "Sant Andreu Hotels|ApartHotels")]
    [InlineData("a fellow of the American Academy of Arts and Sciences", "American Academy of Arts and Sciences", "American Academy of Arts and Sciences")]
    [InlineData("the Department of Housing and Urban Development said", "Department of Housing and Urban Development", "Department of Housing and Urban Development")]
    [InlineData("saw Hootie & the Blowfish live", "Hootie & the Blowfish", "Hootie & the Blowfish")]
    public void SplitsTwoOrganisationsJoinedByAnd(string text, string value, string expected) =>
        Assert.Equal(expected, SplitParts(text, value, "ORGANIZATION"));

    [Theory]
    [InlineData("correcting Mr. Blowers , the silk", "Mr. Blowers", "Mr. Blowers")]
    [InlineData("Professor Cres Eastman , Director", "Professor Cres Eastman", "Professor Cres Eastman")]
    [InlineData("He called Dr. yesterday", "Dr.", null)]
    public void KeepsATitleThatOpensAName(string text, string value, string? expected) => Assert.Equal(expected, Refine(text, value));

    [Theory]
    [InlineData("as President Barack Obama said", "President Barack Obama", "Barack Obama")]
    [InlineData("met Prime Minister Shinzo Abe", "Prime Minister Shinzo Abe", "Shinzo Abe")]
    [InlineData("under Colonel Baltasar Cárdenas", "Colonel Baltasar Cárdenas", "Baltasar Cárdenas")]
    [InlineData("Sen. Barry Goldwater", "Sen. Barry Goldwater", "Barry Goldwater")]
    public void TrimsAnOfficeInFrontOfAName(string text, string value, string? expected) => Assert.Equal(expected, Refine(text, value));

    [Theory]
    [InlineData("the Secretary replied that the Bill", "Secretary")]
    [InlineData("as the President said", "President")]
    public void AnOfficeAloneIsNoName(string text, string value) => Assert.Null(Refine(text, value));

    [Theory]
    [InlineData("strong capital inflows joining weak US starts data", "US", "US")]
    [InlineData("all the US wants is to give them coal", "US", "US")]
    [InlineData("Right now that seems to be the US , EU , and IAEA .", "US", "US")]
    public void AFunctionWordInCapitalsInProseIsAnAcronym(string text, string value, string? expected) =>
        Assert.Equal(expected, Refine(text, value, "LOCATION"));

    [Theory]
    [InlineData("PLEASE TELL US WHERE", "US")]
    [InlineData("They told us , then left", "us")]
    public void AFunctionWordInAShoutedTextOrInLowerCaseStaysOut(string text, string value) => Assert.Null(Refine(text, value, "LOCATION"));
}
