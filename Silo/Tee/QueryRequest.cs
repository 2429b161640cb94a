namespace PiiOrleans.Silo.Tee;

/// <summary>
/// One query to run: SQL text, the opaque signature forwarded as <c>X-Query-Signature</c>, the params JSON (already
/// validated; falsy values become <c>[]</c>), the data refiner id and the compute job id.
/// </summary>
public sealed record QueryRequest(string Query, string Signature, string ParamsJson, long RefinerId, long ComputeJobId);
