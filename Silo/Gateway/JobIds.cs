namespace PiiOrleans.Silo.Gateway;

/// <summary>What a job id in a URL may look like; anything else is refused before it reaches a grain or a log line.</summary>
internal static class JobIds
{
    public const int MaxLength = 128;

    public static bool IsValid(string id)
    {
        if (id.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public const string Rule = "Job ids are 1 to 128 characters: letters, digits, '-', '_' and '.'.";
}
