namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Post-processing of model spans for cased Latin-script text: trims lower-case words, titles and punctuation off the
/// edges, drops spans that do not start with a capital or are only function words, and lowers the score of a lone
/// sentence-initial word the gazetteer does not know (the small model over-predicts on capitalised common words).
/// </summary>
public static class NerSpanFilter
{
    /// <summary>Subtracted from a single-word PERSON span at the start of a sentence that no name list confirms.</summary>
    public const double SentenceInitialPenalty = 0.25;

    /// <summary>Subtracted from a single-word span that no name or place list confirms.</summary>
    public const double UnconfirmedSingleWordPenalty = 0.1;

    /// <summary>Subtracted, on top, from a single-word PERSON or LOCATION span that is an English word and no known name or place ("Battery", "Wisdom").</summary>
    public const double EnglishWordPenalty = 0.25;

    // Function words and frequent sentence starters: never an entity on their own, whatever their case.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWords = new HashSet<string>(
    [
        "a", "an", "the", "and", "or", "but", "if", "so", "as", "because", "since", "when", "while", "where", "who", "what",
        "which", "why", "how", "i", "me", "my", "we", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them",
        "their", "it", "its", "this", "that", "these", "those", "is", "are", "was", "were", "be", "been", "am", "do", "does",
        "did", "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "not", "no",
        "yes", "in", "on", "at", "to", "from", "by", "for", "of", "with", "about", "into", "over", "after", "before", "please",
        "thanks", "thank", "hello", "hi", "dear", "regards", "sincerely", "today", "tomorrow", "yesterday", "day", "days",
        "week", "weeks", "month", "months", "year", "years", "here", "there", "then", "now", "also", "just", "all", "any",
        "some", "every", "each", "there's", "let", "let's", "our", "us", "name", "address", "phone", "email", "number", "card",
        "account", "street", "st", "road", "ave", "avenue", "mr", "mrs", "ms", "dr", "sir", "madam", "ok", "okay", "new",
        "unlike", "maybe", "one", "two", "three", "sometimes", "during", "written", "follow", "excuse", "answer", "date",
        "god", "baby", "c'mon", "who's", "however", "although", "though", "yet", "still", "again", "never", "always",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Everyday abbreviations the model takes for organisations ("ASAP", "ATM", "IBAN"): never a name, place or company.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonAbbreviations = new HashSet<string>(
    [
        "ASAP", "ATM", "IBAN", "BIC", "SWIFT", "PIN", "SSN", "ID", "DOB", "FAQ", "FYI", "ETA", "RSVP", "PS", "AM", "PM", "AKA",
        "DIY", "TBA", "TBD", "ZIP", "URL", "IP", "PDF", "USB", "GPS", "SMS", "MMS", "VAT", "CEO", "CFO", "CTO", "COO", "HR",
        "IT", "PC", "TV", "OK", "LOL", "OMG", "BTW", "IMO", "PhD", "MD", "DDS", "CV", "Q&A", "N/A", "NB", "RE", "FW", "CC", "BCC",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Address and military-mail words: a span holding one is part of an address, not a person's name.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AddressWords = new HashSet<string>(
    [
        "Suite", "Ste", "Apt", "Apartment", "Unit", "Box", "PSC", "Bldg", "Floor", "Blvd", "FPO", "APO", "DPO", "USNS", "USNV",
        "USS", "Street", "Avenue", "Road",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Last words of a facility or organisation: "Kraków Country Club" is a club, not a person.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FacilityWords = new HashSet<string>(
    [
        "Club", "Hotel", "Hospital", "University", "College", "School", "Academy", "Church", "Cathedral", "Museum",
        "Airport", "Station", "Stadium", "Arena", "Center", "Centre", "Clinic", "Library", "Bank", "Inc", "Ltd", "LLC",
        "Corp", "Company", "Association", "Society", "Foundation", "Institute", "Council", "Ministry", "Department",
        "GmbH", "AG", "SA", "PLC", "Co", "Group", "Holdings", "Partners", "Associates", "Sons", "LLP", "BV", "NV", "Oy", "AB",
        "Technologies", "Solutions", "Systems", "Labs", "Consulting", "Research", "Insurance", "Motors", "Media",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Last words of a place's name: "Lincoln Reservoir", "Bobby Morris Playfield" and "German Empire" are places, not the
    // people the model took them for (dev split: 11 such PERSON spans were gold places, none a person). Words that
    // are frequent surnames too ("Lane", "Hill", "Fields", "Lake", "Ocean") are left out; a person typed a place is
    // still masked.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceHeads = new HashSet<string>(
    [
        "Reservoir", "Playfield", "Gardens", "Garden", "Empire", "Kingdom", "Republic", "Province", "Peninsula", "Valley",
        "Mountains", "Islands", "Island", "Bay", "Creek", "Harbour", "Harbor", "Canal", "Plaza", "Square", "Boulevard",
        "Park", "River", "Forest", "Desert", "Sea", "Falls", "Heights", "Bridge", "Castle", "Palace", "Abbey", "Cemetery",
        "Zoo", "Trail", "Springs", "Coast", "Parkway", "Highway", "Freeway", "Terrace",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Offices and ranks in front of a name ("President Obama", "Prime Minister Abe", "Colonel Cárdenas"): the office is not
    // the person's name, and most corpora label the name without it (dev split: 17 PERSON spans became exact, 11 that
    // re3d labels with the office lost their match). An office alone is no name either: on the dev split with GUM's
    // labels read right, a lone "Secretary" or "President" was never one (11 of 12 such spans wrong).
    // Honorifics (Mr, Dr, Professor, Lord: Gazetteer.PersonTitles) stay with the name.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Offices = new HashSet<string>(
    [
        "President", "Vice", "Prime", "Minister", "Premier", "Chancellor", "Senator", "Sen", "Congressman", "Congresswoman",
        "Governor", "Gov", "Mayor", "Ambassador", "Secretary", "Chairman", "Chairwoman", "Commissioner", "General", "Gen",
        "Colonel", "Col", "Major", "Maj", "Lieutenant", "Lt", "Sergeant", "Sgt", "Admiral", "Adm", "Corporal", "Private",
        "Bishop", "Archbishop", "Cardinal", "Pope", "Sheikh", "PM", "MP", "CEO", "Coach", "Director", "Deputy",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Lower-case words that may sit inside a name ("Ludwig van Beethoven", "Maria da Silva").
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameParticles = new HashSet<string>(
    [
        "van", "von", "der", "den", "de", "da", "di", "del", "della", "dos", "das", "du", "la", "le", "bin", "binti", "al", "el",
        "ibn", "ben", "y", "e", "zu", "ter", "ten", "st", "mc", "mac", "o",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Particles that stand before a surname as a word of their own and belong to it in running text ("bin Laden",
    // "de Gaulle", "van Gogh"). Fewer than NameParticles: "la", "le", "ten" or "st" before a capital are mostly prose.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadingParticles = new HashSet<string>(
    [
        "van", "von", "de", "del", "della", "di", "du", "da", "dos", "bin", "binti", "ibn", "al", "el",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a function word, contraction or frequent sentence starter (any case), e.g. "because", "The", "Don't".</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word)
    {
        if (StopWords.Contains(word))
        {
            return true;
        }

        // Contractions ("Don't", "I'd", "We're") are never names.
        var apostrophe = word.IndexOfAny('\'', '’');
        if (apostrophe < 0)
        {
            return false;
        }

        var tail = word[apostrophe..];
        return word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase)
            || (tail.Length is 2 or 3 && (tail[1..] is "d" or "m" or "re" or "ve" or "ll" or "D" or "M" or "RE" or "VE" or "LL"));
    }

    /// <summary>
    /// The spans with every multi-line LOCATION split into one span per line: an address laid out over lines (a record,
    /// a letter head) is masked line by line, so each line's field (street, city, country) stays a unit of its own.
    /// </summary>
    public static IEnumerable<NerSpan> SplitLines(string text, IReadOnlyList<NerSpan> spans)
    {
        foreach (var span in spans)
        {
            if (span.EntityType is "PERSON" or "ORGANIZATION" && text.AsSpan(span.Start, span.End - span.Start).Contains(", ", StringComparison.Ordinal)
                && !IsFirmName(text.AsSpan(span.Start, span.End - span.Start), span.EntityType))
            {
                foreach (var part in SplitList(text, span))
                {
                    foreach (var organisation in SplitConjoinedOrganisations(text, part))
                    {
                        yield return organisation;
                    }
                }

                continue;
            }

            if (span.EntityType == "ORGANIZATION")
            {
                foreach (var organisation in SplitConjoinedOrganisations(text, span))
                {
                    yield return organisation;
                }

                continue;
            }

            if (span.EntityType != "LOCATION" || text.AsSpan(span.Start, span.End - span.Start).IndexOfAny('\n', '\r') < 0)
            {
                yield return span;
                continue;
            }

            var start = span.Start;
            for (var i = span.Start; i <= span.End; i++)
            {
                if (i == span.End || text[i] is '\n' or '\r')
                {
                    if (i > start)
                    {
                        yield return span with { Start = start, End = i };
                    }

                    start = i + 1;
                }
            }
        }
    }

    // After a comma these continue the same name ("Apple, Inc.", "Martin Luther King, Jr.").
    private static readonly HashSet<string> CommaSuffixes = new(
        ["Inc", "Ltd", "LLC", "LLP", "Co", "Corp", "Corporation", "Limited", "PLC", "plc", "GmbH", "AG", "SA", "NV", "BV", "LP",
         "Jr", "Sr", "II", "III", "IV", "PhD", "MD", "Esq"], StringComparer.Ordinal);

    // "Jones, Mitchell and Williams": a firm named after its partners is one organisation.
    private static bool IsFirmName(ReadOnlySpan<char> value, string type)
    {
        var tail = value[value.LastIndexOf(", ")..];
        return type == "ORGANIZATION" && (tail.Contains(" and ", StringComparison.Ordinal) || tail.Contains(" & ", StringComparison.Ordinal));
    }

    /// <summary>
    /// A PERSON or ORGANIZATION span over a list ("Christopher Moore , Morris", "Bad Religion , Shonen Knife"): one
    /// span per comma-separated part, unless the part after a comma is a suffix such as Inc. or Jr.
    /// </summary>
    private static IEnumerable<NerSpan> SplitList(string text, NerSpan span)
    {
        var start = span.Start;
        var i = span.Start;
        while (i < span.End)
        {
            if (text[i] == ',' && i + 1 < span.End && text[i + 1] == ' ')
            {
                var next = i + 2;
                var wordEnd = next;
                while (wordEnd < span.End && char.IsLetter(text[wordEnd]))
                {
                    wordEnd++;
                }

                if (!CommaSuffixes.Contains(text[next..wordEnd]))
                {
                    if (i > start)
                    {
                        yield return span with { Start = start, End = i };
                    }

                    start = next;
                }

                i = next;
                continue;
            }

            i++;
        }

        if (span.End > start)
        {
            yield return span with { Start = start };
        }
    }

    // Head words that end an organisation's name: after one of them, " and " starts another organisation.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganisationHeads = new HashSet<string>(
    [
        "Party", "Commission", "Committee", "Union", "League", "Federation", "Agency", "Corporation", "Authority", "Board",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsOrganisationHead(ReadOnlySpan<char> word) => FacilityWords.Contains(word) || OrganisationHeads.Contains(word);

    /// <summary>
    /// An ORGANIZATION span over two organisations joined by "and" ("Pakistan Peoples Party and PML", "Council on Foreign
    /// Relations and the Trilateral Commission"): one span each when the word before "and" ends an organisation's name
    /// (a facility or organisation head word, also plural) or "the" and a capital follow it. "Arts and Sciences" or
    /// "Housing and Urban Development" inside one name have neither, and "&amp;" is left alone ("Hootie &amp; the Blowfish").
    /// </summary>
    private static IEnumerable<NerSpan> SplitConjoinedOrganisations(string text, NerSpan span)
    {
        if (span.EntityType != "ORGANIZATION")
        {
            yield return span;
            yield break;
        }

        var start = span.Start;
        var from = span.Start;
        while (true)
        {
            var at = text.AsSpan(from, span.End - from).IndexOf(" and ", StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            at += from;
            var next = at + 5;
            var before = text.AsSpan(start, at - start).TrimEnd(".,");
            var lastWord = before[(before.LastIndexOf(' ') + 1)..];
            var after = text.AsSpan(next, span.End - next);
            var head = IsOrganisationHead(lastWord) || (lastWord.Length > 3 && lastWord[^1] == 's' && IsOrganisationHead(lastWord[..^1]));
            var theName = after.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && after.Length > 4 && char.IsUpper(after[4]);
            if ((head || theName) && before.Length > 0 && after.Length > 0 && char.IsUpper(after[theName ? 4 : 0]))
            {
                yield return span with { Start = start, End = at };
                start = next;
            }

            from = next;
        }

        yield return span with { Start = start };
    }

    /// <summary>
    /// A PERSON or ORGANIZATION span made of social-media handles ("@Luke5SOS", "@paynewere @x"): one span per whole
    /// handle, '@' included, whatever its case (the case and trimming rules of <see cref="Refine"/> do not apply to a
    /// user name). Returns false, adding nothing, when the span holds anything but handles, whitespace and punctuation.
    /// </summary>
    public static bool TrySplitHandles(string text, NerSpan span, List<NerSpan> handles)
    {
        ArgumentNullException.ThrowIfNull(handles);
        var before = handles.Count;
        if (!TrySplitHandles(text, span, handles, out var rest))
        {
            return false;
        }

        if (rest is null)
        {
            return true;
        }

        handles.RemoveRange(before, handles.Count - before);
        return false;
    }

    /// <summary>
    /// As <see cref="TrySplitHandles(string, NerSpan, List{NerSpan})"/>, and a span that starts with handles and goes on
    /// ("@JadeAndreou HAPPY BIRTHDAY", "Luke5SOS Luke" after '@') yields its leading handles plus the rest as
    /// <paramref name="rest"/>, to be refined like any model span (the model runs a handle into the words after it).
    /// </summary>
    public static bool TrySplitHandles(string text, NerSpan span, List<NerSpan> handles, out NerSpan? rest)
    {
        rest = null;
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(handles);
        if (span.EntityType is not ("PERSON" or "ORGANIZATION"))
        {
            return false;
        }

        // Widen to the handles the span touches: the model often leaves out the '@' or a trailing '_'.
        var start = span.Start;
        while (start > 0 && IsHandleChar(text[start - 1]))
        {
            start--;
        }

        if (start > 0 && text[start - 1] == '@')
        {
            start--;
        }

        var end = span.End;
        while (end < text.Length && IsHandleChar(text[end]))
        {
            end++;
        }

        var found = 0;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == '@' && (i == 0 || !IsHandleChar(text[i - 1])) && i + 1 < text.Length && IsHandleChar(text[i + 1]))
            {
                var j = i + 1;
                while (j < text.Length && IsHandleChar(text[j]))
                {
                    j++;
                }

                handles.Add(span with { Start = i, End = j });
                found++;
                i = j;
            }
            else if (char.IsWhiteSpace(c) || (char.IsPunctuation(c) && c != '@'))
            {
                i++;
            }
            else
            {
                if (found > 0 && text[start] == '@')
                {
                    // Leading handles, then other words: the handles alone, the rest refined on its own.
                    rest = span with { Start = i, End = Math.Max(i, span.End) };
                    return true;
                }

                handles.RemoveRange(handles.Count - found, found);
                return false;
            }
        }

        return found > 0;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>The refined span, or null when it should be dropped; <paramref name="gazetteer"/> may be null.</summary>
    /// <remarks>
    /// <paramref name="cased"/> is false for a text without any upper-case letter ("said petra to michael"): case tells
    /// nothing there, so only punctuation and function words are trimmed; a span without capitals in a cased text is
    /// refined the same way.
    /// </remarks>
    public static NerSpan? Refine(string text, NerSpan span, Gazetteer? gazetteer, bool cased = true)
    {
        // "i love miley cyrus SO much": a text with capitals may still write names in lower case (tweets, chat), so a span
        // without capitals gets the rules of lower-case text instead of being dropped (dev split: PERSON recall .841 →
        // .851, F2 .809 → .814; LOCATION F2 .676 → .684; ORGANIZATION .539 → .542). A person needs a name the lists know
        // there: a context word alone ("sung by salarymen") is not enough where the writer does use capitals. Dropping lone
        // English words among them as well cost ORGANIZATION recall and gained nothing elsewhere.
        if (!cased || !HasUpperLetter(text, span.Start, span.End))
        {
            return RefineUncased(text, span, gazetteer, namesOnly: cased);
        }

        var start = span.Start;
        var end = span.End;
        var person = span.EntityType == "PERSON";
        // A LOCATION span may be a whole postal address: it starts with a house number and spans lines.
        var location = span.EntityType == "LOCATION";

        // Trim edge words: lower-case words, words without letters or digits, and (for PERSON) a lone title.
        while (start < end)
        {
            var wordEnd = WordEnd(text, start, end);
            var word = text.AsSpan(start, wordEnd - start);
            // A title that opens a longer PERSON span stays ("Mr. Blowers", "Professor Cres Eastman": real text labels
            // it as part of the name; dev PERSON F2 exact +0.020, presidio dev exact -0.009, overlap unchanged); a lone
            // title is trimmed (and the span dropped).
            var keepTitle = wordEnd < end;
            if (!IsEdgeNoise(word, person && !keepTitle, gazetteer) && !(person && Offices.Contains(word.TrimEnd('.'))))
            {
                break;
            }

            start = SkipSpaces(text, wordEnd, end);
        }

        if (person)
        {
            end = CutAtProse(text, start, end);
        }

        while (end > start)
        {
            var wordStart = WordStart(text, start, end);
            var word = text.AsSpan(wordStart, end - wordStart);
            if (!IsEdgeNoise(word, false, gazetteer))
            {
                break;
            }

            end = TrimSpacesBack(text, start, wordStart);
        }

        // A name never crosses a line break: keep the first line (LOCATION spans were split per line before).
        var lineBreak = text.AsSpan(start, end - start).IndexOfAny('\n', '\r');
        if (lineBreak >= 0)
        {
            end = TrimSpacesBack(text, start, start + lineBreak);
        }

        // A possessive is not part of the name: "Jeremy Oohara's" → "Jeremy Oohara" (also with an escaped quote).
        end = PossessiveStart(text, start, end);

        // Punctuation at the edges: keep a closing dot only after an initial or abbreviation ("J.", "Jr.", "Ltd.").
        while (start < end && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        while (end > start && !char.IsLetterOrDigit(text[end - 1]))
        {
            if (text[end - 1] == '.' && end - start >= 2 && (IsShortWordBefore(text, start, end - 1) || IsAbbreviationBefore(text, start, end - 1)))
            {
                break;
            }

            end--;
        }

        // The model often stops before the dot of "Jr." or "Ltd.": take it.
        if (end > start && end < text.Length && text[end] == '.' && IsAbbreviationBefore(text, start, end))
        {
            end++;
        }

        if (end <= start || !(char.IsUpper(text[start]) || IsParticledName(text.AsSpan(start, WordEnd(text, start, end) - start))
            || (location && char.IsDigit(text[start]) && HasUpperLetter(text, start, end))))
        {
            return null;
        }

        var value = text.AsSpan(start, end - start);
        var words = 0;
        var stop = 0;
        var lower = false;
        var address = false;
        foreach (var range in value.Split(' '))
        {
            var w = value[range].Trim(".,;:!?'’\"()");
            if (w.IsEmpty)
            {
                continue;
            }

            words++;
            stop += IsStopWord(w) && !IsAcronymInProse(text, w) ? 1 : 0;
            address |= AddressWords.Contains(w);
            foreach (var c in w)
            {
                lower |= char.IsLower(c);
            }
        }

        if (words == 0 || stop == words || (person && address) || (words == 1 && CommonAbbreviations.Contains(value.Trim(".,;:!?'’\"()"))))
        {
            return null;
        }

        if (person && words > 1 && FacilityWords.Contains(LastWord(value).TrimEnd('.')))
        {
            return span with { EntityType = "ORGANIZATION", Start = start, End = end };
        }

        if (person && words > 1 && PlaceHeads.Contains(LastWord(value)))
        {
            return span with { EntityType = "LOCATION", Start = start, End = end };
        }

        var score = span.Score;
        if (words == 1 && span.EntityType is "PERSON" or "LOCATION" && !Confirmed(value, span.EntityType, gazetteer))
        {
            score -= UnconfirmedSingleWordPenalty;
            // "Battery" as a person, "Wisdom" as a place; ALL-CAPS words are left alone (state codes, shouted towns).
            // A frequent surname that is also a word ("Smith said", "Bush won") is spared the penalty as a person.
            if (gazetteer is not null && !IsAllCaps(value) && gazetteer.IsEnglishWordNotName(value) && !(person && gazetteer.IsSurnameWord(value)))
            {
                score -= EnglishWordPenalty;
            }

            if (person && IsSentenceStart(text, start))
            {
                // A lone gerund opening a sentence ("Celebrating ...") is a verb.
                if (value.EndsWith("ing", StringComparison.Ordinal))
                {
                    return null;
                }

                score -= SentenceInitialPenalty;
            }
        }

        // Shouted words the name lists do not know ("SPEAK", "A REAL PERSON") are headings, not names.
        if (person && !lower && !AnyConfirmed(value, gazetteer))
        {
            score -= SentenceInitialPenalty;
        }

        // "Israeli" or "Iraqis" alone names a group (NRP), not a place or an organisation (dev split: LOCATION F2 .691 →
        // .692, ORGANIZATION .546 → .547; "Christian", a first name too, is not listed).
        var type = words == 1 && Demonyms.Contains(value) ? "NRP"
            : span.EntityType is "LOCATION" or "ORGANIZATION" && words <= 3 && LooksLikeAPersonsName(value, gazetteer) ? "PERSON"
            : span.EntityType is "PERSON" or "ORGANIZATION" && IsCountryNotName(value, gazetteer) ? "LOCATION"
            : span.EntityType;
        if (type == "PERSON" && words == 1 && gazetteer is not null && gazetteer.IsFirstName(value))
        {
            end = SurnameEnd(text, end, gazetteer);
        }

        if (type == "PERSON")
        {
            end = ElidedParticleSurnameEnd(text, end);
            start = LeadingParticleStart(text, start);
        }

        return span with { EntityType = type, Start = start, End = end, Score = Math.Max(0, Math.Round(score, 4)) };
    }

    // "the US army": in a text that is not shouted, a function word written in capitals is an acronym (US, OR, ME).
    private static bool IsAcronymInProse(string text, ReadOnlySpan<char> word) =>
        word.Length >= 2 && IsAllCaps(word) && text.AsSpan().ContainsAnyInRange('a', 'z');

    private static bool IsAllCaps(ReadOnlySpan<char> word) => !word.ContainsAnyInRange('a', 'z') && word.ContainsAnyInRange('A', 'Z');

    private static bool IsEnglishWordNotName(ReadOnlySpan<char> word, Gazetteer? gazetteer) =>
        gazetteer is not null && gazetteer.IsEnglishWordNotName(word.Trim(".,;:!?\"()"));

    // End of the name before a trailing possessive "'s" / "’s" / "\'s", or end unchanged.
    private static int PossessiveStart(string text, int start, int end)
    {
        var value = text.AsSpan(start, end - start);
        if (value.Length > 3 && (value.EndsWith("'s", StringComparison.Ordinal) || value.EndsWith("’s", StringComparison.Ordinal)))
        {
            end -= 2;
            return end - 1 > start && text[end - 1] == '\\' ? end - 1 : end;
        }

        return end;
    }

    // "Serbia", "United Arab Emirates": a country name is a place whatever the model's type, unless it is also a name ("Jordan", "Chad").
    private static bool IsCountryNotName(ReadOnlySpan<char> value, Gazetteer? gazetteer) =>
        gazetteer is not null && gazetteer.MatchPlace(value) == Gazetteer.PlaceKind.Country && !gazetteer.IsFirstName(value) && !gazetteer.IsLastName(value);

    private static bool HasLetter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    // Without capitals the model has only context to go on and tags ordinary words ("peace", "my options"): edge
    // function words are trimmed, a PERSON span must hold a name the lists know (or follow a context word such as "named"
    // or "by", unless namesOnly), and a one-word LOCATION a known place.
    private static NerSpan? RefineUncased(string text, NerSpan span, Gazetteer? gazetteer, bool namesOnly = false)
    {
        var start = span.Start;
        var end = PossessiveStart(text, span.Start, span.End);
        var person = span.EntityType == "PERSON";
        while (true)
        {
            while (start < end && !char.IsLetterOrDigit(text[start]))
            {
                start++;
            }

            while (end > start && !char.IsLetterOrDigit(text[end - 1]))
            {
                end--;
            }

            var firstEnd = WordEnd(text, start, end);
            if (firstEnd < end && IsStopWord(text.AsSpan(start, firstEnd - start)))
            {
                start = firstEnd;
                continue;
            }

            var lastStart = WordStart(text, start, end);
            if (lastStart > start && (IsStopWord(text.AsSpan(lastStart, end - lastStart)) || IsCaselessScriptWord(text.AsSpan(lastStart, end - lastStart))
                || (person && IsEnglishWordNotName(text.AsSpan(lastStart, end - lastStart), gazetteer))))
            {
                end = lastStart;
                continue;
            }

            // "named him joshua", "listed": without capitals an English word at the edge of a name is prose.
            if (person && firstEnd < end && IsEnglishWordNotName(text.AsSpan(start, firstEnd - start), gazetteer))
            {
                start = firstEnd;
                continue;
            }

            break;
        }

        // A bare number ("i have 12 cats") is no name or place; an address has words besides its numbers.
        if (end - start < 2 || !HasLetter(text.AsSpan(start, end - start)))
        {
            return null;
        }

        var value = text.AsSpan(start, end - start);
        var content = false;
        var known = false;
        foreach (var range in value.SplitAny(" -'’"))
        {
            var w = value[range].Trim(".,;:!?\"()");
            if (w.IsEmpty || IsStopWord(w))
            {
                continue;
            }

            content = true;
            known |= ConfirmedTitleCased(w, span.EntityType, gazetteer);
        }

        if (!content)
        {
            return null;
        }

        // "my name is mieszko": a context word or title right before makes an unknown name credible.
        var before = GazetteerRecognizer.PreviousWord(text, start);
        if (before.Equals("is", StringComparison.OrdinalIgnoreCase) || before.Equals("was", StringComparison.OrdinalIgnoreCase))
        {
            var at = text.AsSpan(0, start).LastIndexOf(before, StringComparison.OrdinalIgnoreCase);
            before = at > 0 ? GazetteerRecognizer.PreviousWord(text, at) : [];   // "my name is …"
        }

        known |= !namesOnly && gazetteer is not null && before.Length > 0 && (gazetteer.IsPersonContext(before) || IsTitleTitleCased(before, gazetteer));
        if (gazetteer is not null && span.EntityType == "PERSON" && !known)
        {
            return null;
        }

        // A lone lower-case word the place lists do not know is rarely a place ("names", "depend"); addresses carry
        // digits and longer phrases ("poggiovalle di borgorose") are left to the model.
        if (gazetteer is not null && span.EntityType == "LOCATION" && value.IndexOf(' ') < 0 && !value.ContainsAnyInRange('0', '9')
            && !ConfirmedTitleCased(value, "LOCATION", gazetteer))
        {
            return null;
        }

        return span with { Start = start, End = end };
    }

    // The lists hold title case ("Petra", "New York"); a lower-case text's words are looked up title-cased.
    private static bool ConfirmedTitleCased(ReadOnlySpan<char> phrase, string type, Gazetteer? gazetteer)
    {
        if (phrase.Length > 96)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[phrase.Length];
        for (var i = 0; i < phrase.Length; i++)
        {
            buffer[i] = i == 0 || phrase[i - 1] is ' ' or '-' ? char.ToUpperInvariant(phrase[i]) : phrase[i];
        }

        return Confirmed(buffer, type, gazetteer);
    }

    // The small model confuses types more often than it misses a name: "Keijo" or "Robert Petersen" tagged as a place
    // or company. A span that opens with a known first name, is no known place and holds no company word is a person.
    private static bool LooksLikeAPersonsName(ReadOnlySpan<char> value, Gazetteer? gazetteer)
    {
        if (gazetteer is null || gazetteer.MatchPlace(value) != Gazetteer.PlaceKind.None)
        {
            return false;
        }

        var first = true;
        foreach (var range in value.Split(' '))
        {
            var w = value[range].Trim(".,;:!?'’\"()");
            if (w.IsEmpty || !char.IsUpper(w[0]) || FacilityWords.Contains(w) || AddressWords.Contains(w) || (first && !gazetteer.IsFirstName(w)))
            {
                return false;
            }

            first = false;
        }

        return !first;
    }

    // "Tina Alexandrov" tagged as "Tina": a known first name takes the capitalised word right after it (same line, one
    // space) unless that word is a function word, a common word, a place, or an address/company word.
    private static int SurnameEnd(string text, int end, Gazetteer gazetteer)
    {
        if (end + 1 >= text.Length || text[end] != ' ' || !char.IsUpper(text[end + 1]))
        {
            return end;
        }

        var wordEnd = end + 1;
        while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || text[wordEnd] is '-' or '\'' or '’'))
        {
            wordEnd++;
        }

        var word = text.AsSpan(end + 1, wordEnd - end - 1).TrimEnd("-'’");
        if (word.Length < 2 || IsStopWord(word) || gazetteer.IsCommonWord(word) || gazetteer.MatchPlace(word) != Gazetteer.PlaceKind.None
            || AddressWords.Contains(word) || FacilityWords.Contains(word) || IsCaselessScriptWord(word))
        {
            return end;
        }

        return end + 1 + word.Length;
    }

    /// <summary>"al-Sadr", "el-Sisi", "bin-Talal": a name particle joined by a hyphen to a capitalised name is a name, not a lower-case word ("e-Mail" is not).</summary>
    private static bool IsParticledName(ReadOnlySpan<char> word)
    {
        var hyphen = word.IndexOf('-');
        return hyphen > 0 && hyphen + 1 < word.Length && char.IsUpper(word[hyphen + 1]) && LeadingParticles.Contains(word[..hyphen]);
    }

    /// <summary>"loyal to bin Laden", "admired de Gaulle": a particle word right before a PERSON span belongs to the name.</summary>
    private static int LeadingParticleStart(string text, int start)
    {
        if (start < 3 || text[start - 1] != ' ')
        {
            return start;
        }

        var wordStart = start - 1;
        while (wordStart > 0 && char.IsAsciiLetterLower(text[wordStart - 1]))
        {
            wordStart--;
        }

        var particle = text.AsSpan(wordStart, start - 1 - wordStart);
        var standsAlone = wordStart == 0 || !char.IsLetterOrDigit(text[wordStart - 1]);
        return standsAlone && LeadingParticles.Contains(particle) ? wordStart : start;
    }

    // "Sir John d'Urberville" tagged as "Sir John": the model reads "d" as a lower-case word and stops, leaving the
    // surname in clear. A word right after the name (one space) made of a short lower-case particle, an apostrophe and
    // a capitalised rest (d'Urberville, d'Artagnan, l'Estrange, dell'Orto) belongs to it.
    private static int ElidedParticleSurnameEnd(string text, int end)
    {
        var i = end + 1;
        if (i >= text.Length || text[end] != ' ')
        {
            return end;
        }

        var particle = 0;
        while (i + particle < text.Length && particle <= 4 && char.IsLower(text[i + particle]))
        {
            particle++;
        }

        var apostrophe = i + particle;
        if (particle is 0 or > 4 || apostrophe + 1 >= text.Length || text[apostrophe] is not ('\'' or '’') || !char.IsUpper(text[apostrophe + 1]))
        {
            return end;
        }

        var wordEnd = apostrophe + 2;
        while (wordEnd < text.Length && (char.IsLetter(text[wordEnd]) || (text[wordEnd] == '-' && wordEnd + 1 < text.Length && char.IsLetter(text[wordEnd + 1]))))
        {
            wordEnd++;
        }

        return wordEnd;
    }

    private static bool IsTitleTitleCased(ReadOnlySpan<char> word, Gazetteer gazetteer)
    {
        if (word.Length > 16)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[word.Length];
        word.CopyTo(buffer);
        buffer[0] = char.ToUpperInvariant(buffer[0]);
        return gazetteer.IsTitle(buffer);
    }

    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> value)
    {
        var space = value.LastIndexOf(' ');
        return space < 0 ? value : value[(space + 1)..];
    }

    // A word in a script without case (Hebrew, Arabic, CJK): next to a cased name it is debris of a mangled character
    // ("Rachel Holloway ג€“" is a broken dash), never part of the name.
    private static bool IsCaselessScriptWord(ReadOnlySpan<char> word)
    {
        var letter = false;
        foreach (var c in word)
        {
            if (char.IsUpper(c) || char.IsLower(c))
            {
                return false;
            }

            letter |= char.IsLetter(c);
        }

        return letter;
    }

    /// <summary>True when <c>text[start..end]</c> holds an upper-case letter.</summary>
    internal static bool HasUpperLetter(string text, int start, int end)
    {
        foreach (var c in text.AsSpan(start, end - start))
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    // A name ends before an inner lower-case word that is not a name particle, or a number ("Ann Lee and friends").
    private static int CutAtProse(string text, int start, int end)
    {
        var i = SkipSpaces(text, WordEnd(text, start, end), end);
        while (i < end)
        {
            var wordEnd = WordEnd(text, i, end);
            var word = text.AsSpan(i, wordEnd - i);
            if ((char.IsLower(word[0]) && !NameParticles.Contains(word) && !IsParticledName(word)) || char.IsDigit(word[0]))
            {
                return TrimSpacesBack(text, start, i);
            }

            i = SkipSpaces(text, wordEnd, end);
        }

        return end;
    }

    private static bool AnyConfirmed(ReadOnlySpan<char> value, Gazetteer? gazetteer)
    {
        foreach (var range in value.SplitAny(" -'’"))
        {
            if (Confirmed(value[range], "PERSON", gazetteer))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Confirmed(ReadOnlySpan<char> word, string type, Gazetteer? gazetteer)
    {
        if (gazetteer is null)
        {
            return false;
        }

        return type switch
        {
            "PERSON" => gazetteer.IsFirstName(word) || gazetteer.IsLastName(word),
            "LOCATION" => gazetteer.MatchPlace(word) != Gazetteer.PlaceKind.None,
            _ => false,
        };
    }

    private static bool IsEdgeNoise(ReadOnlySpan<char> word, bool leadingPerson, Gazetteer? gazetteer)
    {
        var firstLetter = -1;
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsLetterOrDigit(word[i]))
            {
                firstLetter = i;
                break;
            }
        }

        if (IsParticledName(word))
        {
            return false;
        }

        if (firstLetter < 0 || char.IsLower(word[firstLetter]) || IsCaselessScriptWord(word))
        {
            return true;
        }

        return leadingPerson && gazetteer is not null && word.Length > 1 && gazetteer.IsTitle(word.TrimEnd('.'));
    }

    private static bool IsSentenceStart(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '\'' or '“' or '(' or '*' or '-'))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or ':' or '\n';
    }

    // Abbreviations whose dot belongs to the name: "Smith Ltd.", "Merrill Corp.", "Ronald Abbott Jr.".
    private static bool IsAbbreviationBefore(string text, int start, int dot)
    {
        var i = dot;
        while (i > start && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        return text.AsSpan(i, dot - i) is "Ltd" or "Inc" or "Corp" or "Co" or "Bros" or "Jr" or "Sr" or "Assn" or "Intl" or "Mfg";
    }

    private static bool IsShortWordBefore(string text, int start, int dot)
    {
        var i = dot;
        while (i > start && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        return dot - i is >= 1 and <= 2;
    }

    private static int WordEnd(string text, int from, int end)
    {
        var i = from;
        while (i < end && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int WordStart(string text, int start, int end)
    {
        var i = end;
        while (i > start && !char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    private static int SkipSpaces(string text, int from, int end)
    {
        while (from < end && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    private static int TrimSpacesBack(string text, int start, int to)
    {
        while (to > start && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        return to;
    }
}
