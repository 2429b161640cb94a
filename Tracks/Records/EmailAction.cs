namespace PiiOrleans.Tracks.Records;

/// <summary>What happens to e-mail addresses of one field in one task (answers <c>keep</c>, <c>redact</c>, <c>drop_field</c>).</summary>
public enum EmailAction
{
    /// <summary>Leave the value as it is.</summary>
    Keep,
    /// <summary>Replace every address in the value with <c>[REDACTED]</c> (metadata <c>email</c>: the whole value).</summary>
    Redact,
    /// <summary>Remove the key (or array element) that holds the address.</summary>
    DropField,
}
