namespace PiiOrleans.Pii.Detection;

/// <summary>
/// Entity type names shared by recognizers, configuration, operators and reports (Presidio's names where Presidio has one).
/// The structured-only kinds at the end are emitted by column profiling, never by span recognizers.
/// </summary>
public static class EntityTypes
{
    public const string Person = "PERSON";
    public const string Location = "LOCATION";
    public const string StreetAddress = "STREET_ADDRESS";
    public const string Organization = "ORGANIZATION";
    public const string Nrp = "NRP";
    public const string EmailAddress = "EMAIL_ADDRESS";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string UsSsn = "US_SSN";
    public const string CreditCard = "CREDIT_CARD";
    public const string IbanCode = "IBAN_CODE";
    public const string IpAddress = "IP_ADDRESS";
    public const string Url = "URL";
    public const string DateTime = "DATE_TIME";
    public const string Money = "MONEY";
    public const string Crypto = "CRYPTO";
    public const string UsBankNumber = "US_BANK_NUMBER";
    public const string UsDriverLicense = "US_DRIVER_LICENSE";
    public const string UsPassport = "US_PASSPORT";
    public const string UsItin = "US_ITIN";

    // Structured-only kinds (column profiling): values that no span recognizer can tell apart from ordinary words.
    public const string Username = "USERNAME";
    public const string Password = "PASSWORD";
    public const string NationalId = "NATIONAL_ID";
    public const string DateOfBirth = "DATE_OF_BIRTH";
    public const string MothersMaidenName = "MOTHERS_MAIDEN_NAME";
    public const string CardVerificationCode = "CARD_CVV";
    public const string CardExpiry = "CARD_EXPIRY";
    public const string VehiclePlate = "VEHICLE_PLATE";
    public const string Identifier = "IDENTIFIER";
    public const string Title = "TITLE";
    public const string Age = "AGE";

    /// <summary>Entities the built-in span recognizers can emit.</summary>
    public static IReadOnlyList<string> SpanEntities { get; } =
    [
        EmailAddress, PhoneNumber, UsSsn, CreditCard, IbanCode, IpAddress, Url, DateTime, Money, Crypto,
        UsBankNumber, UsDriverLicense, UsPassport, UsItin, Location,
    ];
}
