using System.Collections.Frozen;

namespace PiiOrleans.Pii.Detection.Validation;

/// <summary>
/// A shipped snapshot of top-level domains (all country codes plus the generic ones seen in practice), so that e-mail and URL
/// hosts can be checked offline. Country codes that are also common file extensions are flagged as weak for bare host names.
/// </summary>
public static class TopLevelDomains
{
    private const string CountryCodes =
        "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz " +
        "de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it " +
        "je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz " +
        "om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz " +
        "ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

    private const string Generic =
        "com org net edu gov mil int info biz name pro aero asia cat coop jobs mobi museum post tel travel xxx " +
        "app dev io ai cloud online site website store shop tech blog news media live life world today space xyz top club " +
        "agency digital email group company solutions services systems network center global international expert guru " +
        "design studio photo photos pics gallery art music video tv fm radio games game fun social chat community " +
        "health care clinic hospital dental law legal finance bank insurance money capital fund investments " +
        "academy school university college education courses training institute " +
        "city london berlin paris nyc tokyo amsterdam wien hamburg bayern " +
        "one page link click help support host hosting domains wiki zone plus works tools software codes " +
        "biz church events family house garden home land properties realty apartments " +
        "google amazon apple microsoft youtube facebook " +
        // Further delegated generic TLDs in use (IANA root zone), so bare hosts such as "example.ninja" are recognized.
        "accountant accountants actor adult africa airforce archi army auction audio auto autos baby band bar bargains beer " +
        "best bet bid bike bio black blackfriday blue boats bond boo boston bot boutique build builders business buzz cab cafe " +
        "cam camera camp car cards careers cars casa cash casino catering ceo cfd charity cheap christmas claims cleaning " +
        "clothing coffee computer condos construction consulting contact contractors cooking cool coupons credit creditcard " +
        "cricket cruises cyou dad dance date dating day degree delivery democrat dentist desi diamonds diet direct directory " +
        "discount doctor dog download earth eco energy engineer engineering enterprises equipment esq estate exchange exposed " +
        "express fail faith fans farm fashion feedback film financial fish fishing fit fitness flights florist flowers football " +
        "forsale foundation furniture futbol fyi gay gdn gifts gives giving glass gmbh gold golf graphics gratis green gripe " +
        "guide guitars hair haus healthcare hiphop hockey holdings holiday homes horse how icu ink insure irish jewelry jetzt " +
        "juegos kaufen kids kitchen kiwi krd kyoto lat lawyer lease lgbt lighting limited limo loan loans lol love ltd ltda " +
        "luxury maison management market marketing markets mba meme memorial men miami moda moe mom monster mortgage " +
        "motorcycles mov movie nagoya navy new ngo ninja now observer okinawa ong onl organic osaka partners parts party pet phd " +
        "photography pictures pink pizza place plumbing poker porn press productions prof promo property protection pub quest " +
        "racing recipes red rehab reise reisen rent rentals repair report republican rest restaurant review reviews rip rocks " +
        "rodeo rsvp run saarland sale salon sarl sbs schule science sex sexy shoes shopping show singles skin soccer solar soy " +
        "spiegel study style sucks supply surf surgery tax taxi team technology theater tips tires tours town toys trade tube " +
        "uno vacations ventures vet villas vin vip vision vlaanderen vodka vote voting voyage wales wang watch webcam wedding " +
        "wine work wtf yoga yokohama you";

    // ccTLDs that are also popular file extensions: "setup.sh", "file.py", "README.md" are files far more often than hosts.
    private const string FileLike = "py md sh pl rs so ps ts cs js mk am ml in it is as do at be me no";

    private static readonly FrozenSet<string> All =
        (CountryCodes + " " + Generic).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Common =
        "com org net edu gov io co info biz app dev".Split(' ').ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> Files =
        FileLike.Split(' ').ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AllLookup = All.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonLookup = Common.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FilesLookup = Files.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="tld"/> (without the dot) is a known top-level domain.</summary>
    public static bool IsKnown(ReadOnlySpan<char> tld) => AllLookup.Contains(tld);

    /// <summary>True for the handful of generic TLDs that make a bare host name almost certainly a web address.</summary>
    public static bool IsCommon(ReadOnlySpan<char> tld) => CommonLookup.Contains(tld);

    /// <summary>True for country codes that double as file extensions.</summary>
    public static bool IsFileLike(ReadOnlySpan<char> tld) => FilesLookup.Contains(tld);

    /// <summary>The label after the last dot of a host name.</summary>
    public static ReadOnlySpan<char> LastLabel(ReadOnlySpan<char> host)
    {
        int dot = host.LastIndexOf('.');
        return dot < 0 ? host : host[(dot + 1)..];
    }
}
