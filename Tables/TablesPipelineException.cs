namespace PiiOrleans.Tables;

/// <summary>The tables pipeline cannot go on; the message names the database/table/column/row and what to do (never a value).</summary>
public sealed class TablesPipelineException : Exception
{
    /// <summary>Creates the exception with a user-facing message.</summary>
    public TablesPipelineException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a user-facing message and the underlying cause.</summary>
    public TablesPipelineException(string message, Exception inner) : base(message, inner)
    {
    }
}
