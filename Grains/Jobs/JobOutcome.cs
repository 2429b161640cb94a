using System.Text.Json;

namespace PiiOrleans.Grains.Jobs;

/// <summary>What a runner returns: a result document and the process exit code a one-shot host should use (0 = success).</summary>
public sealed record JobOutcome(JsonElement Result, int ExitCode = 0);
