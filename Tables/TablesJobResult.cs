namespace PiiOrleans.Tables;

/// <summary>How a tables job ended: exit code, status word, a PII-free error, and the published files (null when not published).</summary>
public sealed record TablesJobResult(
    int ExitCode,
    string Status,
    string? Error,
    string? OutputDatabase,
    string? ReportPath,
    byte[]? Report);
