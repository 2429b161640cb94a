using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Profiling;

/// <summary>The ordered column-name rules (first rule whose name and value shape fit wins); specific names come before general ones.</summary>
internal static class ColumnNameRules
{
    // Interpreted backtracking regexes, not NonBacktracking ones: the 29 symbolic matchers held 25 MB of live memory in
    // every silo (their character-set caches), for a check that runs once per column. These are safe to backtrack:
    // anchored at both ends, no quantifier inside a quantifier, so a match costs at most the name's length times the
    // alternatives; ColumnProfiler does not match names longer than ColumnNameRule.MaxNameLength at all.
    private static Regex N(string pattern) =>
        new("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static IReadOnlyList<ColumnNameRule> All { get; } =
    [
        // Not PII, even though some share words with PII columns (a dialling code is not a phone number).
        new(N(@".*(?:telephone|phone)countrycode|countrycode|dialcode|callingcode"), null, null, "dialling code"),
        new(N(@"gender|sex|nameset|title|honorific|salutation|occupation|jobtitle|job|profession|position|department|cctype|cardtype|cardbrand|color|colou?r|favou?ritecolou?r|bloodtype|bloodgroup|kilograms|kg|pounds|lbs|weight|centimeters|centimetres|cm|height|feetinches|tropicalzodiac|zodiac|vehicle|car|carmodel|locale|language|currency|status|category|type|age|number|rownumber|row|index|count|quantity|amount|createdat|updatedat|timestamp"),
            null, null, "not personal data"),
        new(N(@".*(?:password|passwd|pwd|passphrase|secret|apikey|accesstoken|authtoken|token|privatekey|pincode|pin)"), EntityTypes.Password, ValueShapes.IsToken, "password or secret"),
        new(N(@"(?:user|login|screen|account|nick)?(?:username|login|loginname|handle|screenname|nickname|accountname|userhandle)"), EntityTypes.Username, ValueShapes.IsToken, "username"),
        new(N(@".*(?:email|mail).*"), EntityTypes.EmailAddress, v => v.Contains('@'), "e-mail"),
        new(N(@".*(?:ssn|socialsecurity).*"), EntityTypes.UsSsn, v => ValueShapes.IsNumberLike(v, 9), "social security number"),
        new(N(@".*(?:ccnumber|cardnumber|creditcard|ccnum|cardno|pan)"), EntityTypes.CreditCard, v => ValueShapes.IsNumberLike(v, 3), "card number"),
        new(N(@"cvv2?|cvc2?|cvn|securitycode|cardsecuritycode|cardcode"), EntityTypes.CardVerificationCode, v => ValueShapes.IsNumberLike(v, 3), "card verification code"),
        new(N(@".*(?:ccexp|cardexp|expir|expdate|validthru).*"), EntityTypes.CardExpiry, ValueShapes.IsDate, "card expiry"),
        new(N(@".*(?:phone|mobile|cell|fax|telephone)(?:number|no)?|tel|telno"), EntityTypes.PhoneNumber, v => ValueShapes.IsNumberLike(v, 6), "phone number"),
        new(N(@".*iban.*"), EntityTypes.IbanCode, v => ValueShapes.IsDocumentNumber(v), "IBAN"),
        new(N(@".*(?:bankaccount|accountnumber|acctno|accountno|routingnumber)"), EntityTypes.UsBankNumber, v => ValueShapes.IsNumberLike(v, 6), "bank account"),
        new(N(@".*passport.*"), EntityTypes.UsPassport, ValueShapes.IsDocumentNumber, "passport number"),
        new(N(@".*(?:driverslicen[cs]e|driverlicen[cs]e|drivinglicen[cs]e|dlnumber).*"), EntityTypes.UsDriverLicense, ValueShapes.IsDocumentNumber, "driver's license"),
        new(N(@".*(?:licenseplate|licenceplate|numberplate|plate|vehicleregistration|vin)"), EntityTypes.VehiclePlate, ValueShapes.IsDocumentNumber, "vehicle plate"),
        new(N(@".*(?:nationalid|nationalidentifier|nationalnumber|nationalinsurance|nino|nin|idnumber|idcard|identitynumber|identitycard|personalid|personalnumber|personnummer|citizenid|taxid|tin|taxnumber|itin|bsn|sin|cpf|cnp|pesel|aadhaar|aadhar|nric|dni|nie|codicefiscale|steuerid|insee|nir|curp|rfc|hetu|cpr|sofinummer|amka|egn|oib|jmbg|emso)"),
            EntityTypes.NationalId, ValueShapes.IsDocumentNumber, "national identity number"),
        new(N(@".*maiden.*"), EntityTypes.MothersMaidenName, ValueShapes.IsPersonName, "mother's maiden name"),
        new(N(@".*(?:birthday|birthdate|dateofbirth|dob|bday|born|birth).*"), EntityTypes.DateOfBirth, ValueShapes.IsDate, "date of birth"),
        new(N(@".*(?:ipaddress|ipv4|ipv6|ip|clientip|remoteip|remoteaddr)"), EntityTypes.IpAddress, v => v.Contains('.') || v.Contains(':'), "IP address"),
        new(N(@".*(?:streetaddress|address|addressline\d?|street|addr|residence)\d?"), EntityTypes.Location, v => v.Any(char.IsLetter), "street address"),
        new(N(@".*(?:city|town|municipality|locality|village|birthplace|placeofbirth)"), EntityTypes.Location, ValueShapes.IsPlaceName, "city"),
        new(N(@"(?:state|statefull|statename|province|region|county|prefecture|canton)"), EntityTypes.Location, ValueShapes.IsPlaceName, "state or region"),
        new(N(@".*(?:zip|zipcode|postcode|postalcode|postal|plz)"), EntityTypes.Location, ValueShapes.IsPostcode, "postcode"),
        new(N(@"(?:country|countryfull|countryname|nation)"), EntityTypes.Location, ValueShapes.IsPlaceName, "country"),
        new(N(@"latitude|longitude|lat|lng|lon|geo|coordinates|latlng"), EntityTypes.Location, v => ValueShapes.IsNumberLike(v, 2) || v.Contains(','), "coordinates"),
        new(N(@".*(?:domain|website|url|homepage|webpage|site)"), EntityTypes.Url, v => v.Contains('.'), "web address"),
        new(N(@".*(?:company|employer|organization|organisation|org|companyname|business)"), EntityTypes.Organization, v => v.Any(char.IsLetter), "employer"),
        new(N(@"(?:given|first|fore|middle|last|family|sur|full|maiden|nick|display|customer|contact|person|patient|employee|client|owner|holder|cardholder|account|father|mother|spouse)?(?:name|names)|(?:givenname|firstname|forename|fname|middlename|middleinitial|mi|surname|lastname|familyname|lname|fullname|name)"),
            EntityTypes.Person, ValueShapes.IsPersonName, "person name"),
        new(N(@".*(?:ups|mtcn|trackingnumber|tracking)"), EntityTypes.Identifier, ValueShapes.IsDocumentNumber, "tracking number"),
    ];
}
