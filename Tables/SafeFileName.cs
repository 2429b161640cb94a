namespace PiiOrleans.Tables;

/// <summary>Reduces an identifier (a job id) to characters that are safe in a file name.</summary>
public static class SafeFileName
{
    /// <summary>Letters, digits, '-' and '_' stay; everything else becomes '_'.</summary>
    public static string Of(string id) => string.Concat(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
