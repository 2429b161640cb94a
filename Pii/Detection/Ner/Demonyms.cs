namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Nationality, ethnic and religious adjectives and their plurals ("Iraqi", "Palestinians", "Sunni"): a group, not a
/// person, place or organisation. The model types a lone one LOCATION or ORGANIZATION now and then ("Israeli forces",
/// "Iraqi officials"); the span filter retypes it NRP. Party names ("Labour", "Republicans") are organisations and
/// are not listed.
/// </summary>
public static class Demonyms
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Words = new HashSet<string>(
    [
        "Afghan", "African", "Albanian", "Algerian", "American", "Arab", "Arabian", "Argentine", "Argentinian", "Armenian",
        "Asian", "Australian", "Austrian", "Azerbaijani", "Bangladeshi", "Belarusian", "Belgian", "Bolivian", "Bosnian",
        "Brazilian", "British", "Bulgarian", "Burmese", "Cambodian", "Canadian", "Chechen", "Chilean", "Chinese",
        "Colombian", "Congolese", "Croatian", "Cuban", "Cypriot", "Czech", "Danish", "Dutch", "Ecuadorian", "Egyptian",
        "Emirati", "English", "Eritrean", "Estonian", "Ethiopian", "European", "Filipino", "Filipina", "Finnish", "French",
        "Georgian", "German", "Ghanaian", "Greek", "Guatemalan", "Haitian", "Hispanic", "Honduran", "Hungarian", "Icelandic",
        "Indian", "Indonesian", "Iranian", "Iraqi", "Irish", "Israeli", "Italian", "Jamaican", "Japanese", "Jordanian",
        "Kazakh", "Kenyan", "Korean", "Kosovar", "Kurdish", "Kuwaiti", "Latvian", "Lebanese", "Libyan", "Lithuanian",
        "Malaysian", "Maltese", "Mexican", "Moldovan", "Mongolian", "Moroccan", "Nepali", "Nepalese", "Nicaraguan",
        "Nigerian", "Norwegian", "Omani", "Pakistani", "Palestinian", "Panamanian", "Paraguayan", "Persian", "Peruvian",
        "Polish", "Portuguese", "Qatari", "Romanian", "Russian", "Rwandan", "Salvadoran", "Saudi", "Scottish", "Senegalese",
        "Serbian", "Slovak", "Slovenian", "Somali", "Spanish", "Sudanese", "Swedish", "Swiss", "Syrian", "Taiwanese",
        "Tajik", "Tanzanian", "Thai", "Tibetan", "Tunisian", "Turkish", "Ugandan", "Ukrainian", "Uruguayan", "Uzbek",
        "Venezuelan", "Vietnamese", "Welsh", "Yemeni", "Zambian", "Zimbabwean",
        "Americans", "Arabs", "Afghans", "Africans", "Asians", "Australians", "Brazilians", "Canadians", "Egyptians",
        "Europeans", "Germans", "Indians", "Iranians", "Iraqis", "Israelis", "Italians", "Kurds", "Lebanese", "Mexicans",
        "Pakistanis", "Palestinians", "Russians", "Saudis", "Syrians", "Ukrainians", "Yemenis",
        "Buddhist", "Buddhists", "Catholic", "Catholics", "Christians", "Hindu", "Hindus", "Jewish", "Jews",
        "Muslim", "Muslims", "Protestant", "Protestants", "Shia", "Shiite", "Shiites", "Sikh", "Sikhs", "Sunni", "Sunnis",
    ],
    StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> (as written, title case) is a listed nationality or religion word.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Words.Contains(word);
}
