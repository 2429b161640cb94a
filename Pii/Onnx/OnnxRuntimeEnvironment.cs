namespace PiiOrleans.Pii.Onnx;

/// <summary>
/// The process-wide ONNX Runtime environment (ORT allows one per process) and the CPU memory description used for
/// input tensors. Created on first use; lives until the process exits.
/// </summary>
internal static class OnnxRuntimeEnvironment
{
    private const int LogLevelError = 3;
    private static readonly Lazy<(OrtHandle Env, OrtHandle CpuMemory)> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static OrtHandle Env => Shared.Value.Env;

    public static OrtHandle CpuMemory => Shared.Value.CpuMemory;

    private static (OrtHandle, OrtHandle) Create()
    {
        OrtApi.EnsureLoaded();
        var env = new OrtHandle(OrtApi.CreateEnv(LogLevelError, "piiorleans"), OrtApi.ReleaseEnv);
        var memory = new OrtHandle(OrtApi.CreateCpuMemoryInfo(), OrtApi.ReleaseMemoryInfo);
        return (env, memory);
    }
}
