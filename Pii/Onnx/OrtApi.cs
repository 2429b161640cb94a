using System.Runtime.InteropServices;
using System.Text;

namespace PiiOrleans.Pii.Onnx;

/// <summary>
/// The ONNX Runtime C API reached through the <c>OrtApi</c> function-pointer table (API version 29). Slot indices
/// were verified against the shipped 1.30.0 library; every returned <c>OrtStatus*</c> becomes an exception.
/// </summary>
internal static unsafe class OrtApi
{
    public const uint ApiVersion = 29;
    public const int ElementFloat = 1;
    public const int ElementInt64 = 7;

    private const int SlotGetErrorCode = 1;
    private const int SlotGetErrorMessage = 2;
    private const int SlotCreateEnv = 3;
    private const int SlotCreateSession = 7;
    private const int SlotRun = 9;
    private const int SlotCreateSessionOptions = 10;
    private const int SlotSetSessionExecutionMode = 13;
    private const int SlotSetGraphOptimizationLevel = 23;
    private const int SlotSetIntraOpNumThreads = 24;
    private const int SlotSetInterOpNumThreads = 25;
    private const int SlotSessionGetInputCount = 30;
    private const int SlotSessionGetOutputCount = 31;
    private const int SlotSessionGetInputName = 36;
    private const int SlotSessionGetOutputName = 37;
    private const int SlotCreateTensorWithDataAsOrtValue = 49;
    private const int SlotGetTensorMutableData = 51;
    private const int SlotGetDimensionsCount = 61;
    private const int SlotGetDimensions = 62;
    private const int SlotGetTensorTypeAndShape = 65;
    private const int SlotGetTensorElementType = 60;
    private const int SlotCreateCpuMemoryInfo = 69;
    private const int SlotAllocatorFree = 76;
    private const int SlotGetAllocatorWithDefaultOptions = 78;
    private const int SlotReleaseEnv = 92;
    private const int SlotReleaseStatus = 93;
    private const int SlotReleaseMemoryInfo = 94;
    private const int SlotReleaseSession = 95;
    private const int SlotReleaseValue = 96;
    private const int SlotReleaseTensorTypeAndShapeInfo = 99;
    private const int SlotReleaseSessionOptions = 100;
    private const int SlotAddSessionConfigEntry = 130;

    private static readonly Lock Gate = new();
    private static nint* slots;

    /// <summary>ONNX Runtime's version string, e.g. "1.30.0" (after <see cref="EnsureLoaded"/>).</summary>
    public static string Version { get; private set; } = "";

    /// <summary>Loads the library and the API table once; throws <see cref="OnnxRuntimeException"/> when that fails.</summary>
    public static void EnsureLoaded()
    {
        if (slots is not null)
        {
            return;
        }

        lock (Gate)
        {
            if (slots is null)
            {
                var api = LoadApi(out var version);
                Version = version;
                slots = (nint*)api;
            }
        }
    }

    private static nint LoadApi(out string versionString)
    {
        var lib = OnnxRuntimeLibrary.Load();
        if (!NativeLibrary.TryGetExport(lib, "OrtGetApiBase", out var getApiBase))
        {
            throw new OnnxRuntimeException($"'{OnnxRuntimeLibrary.LoadedPath}' does not export OrtGetApiBase: it is not ONNX Runtime.");
        }

        // OrtApiBase is { GetApi(uint32), GetVersionString() }.
        var apiBase = ((delegate* unmanaged[Cdecl]<nint*>)getApiBase)();
        versionString = Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<nint>)apiBase[1])()) ?? "unknown";
        var api = ((delegate* unmanaged[Cdecl]<uint, nint*>)apiBase[0])(ApiVersion);
        if (api is null)
        {
            throw new OnnxRuntimeException(
                $"ONNX Runtime {versionString} at '{OnnxRuntimeLibrary.LoadedPath}' does not support API version {ApiVersion}; "
                + "run 'bash scripts/setup.sh' to fetch version 1.30.0.");
        }

        return (nint)api;
    }

    private static nint Slot(int index)
    {
        EnsureLoaded();
        return slots[index];
    }

    /// <summary>Throws <see cref="OnnxRuntimeException"/> with ORT's code and message when <paramref name="status"/> is set.</summary>
    public static void Check(nint status)
    {
        if (status == 0)
        {
            return;
        }

        var code = ((delegate* unmanaged[Cdecl]<nint, int>)Slot(SlotGetErrorCode))(status);
        var message = Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<nint, nint>)Slot(SlotGetErrorMessage))(status)) ?? "";
        ((delegate* unmanaged[Cdecl]<nint, void>)Slot(SlotReleaseStatus))(status);
        throw new OnnxRuntimeException(code, message);
    }

    public static nint CreateEnv(int logLevel, string logId)
    {
        nint env;
        var id = Utf8(logId);
        fixed (byte* p = id)
        {
            Check(((delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)Slot(SlotCreateEnv))(logLevel, p, &env));
        }

        return env;
    }

    public static nint CreateSessionOptions()
    {
        nint options;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)Slot(SlotCreateSessionOptions))(&options));
        return options;
    }

    public static void SetIntraOpNumThreads(nint options, int threads) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(SlotSetIntraOpNumThreads))(options, threads));

    public static void SetInterOpNumThreads(nint options, int threads) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(SlotSetInterOpNumThreads))(options, threads));

    public static void SetSessionExecutionMode(nint options, int mode) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(SlotSetSessionExecutionMode))(options, mode));

    public static void SetGraphOptimizationLevel(nint options, int level) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(SlotSetGraphOptimizationLevel))(options, level));

    public static void AddSessionConfigEntry(nint options, string key, string value)
    {
        var k = Utf8(key);
        var v = Utf8(value);
        fixed (byte* pk = k)
        fixed (byte* pv = v)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)Slot(SlotAddSessionConfigEntry))(options, pk, pv));
        }
    }

    public static nint CreateSession(nint env, string modelPath, nint options)
    {
        nint session;
        var path = Utf8(modelPath); // On Linux ORTCHAR_T is char: a UTF-8 path.
        fixed (byte* p = path)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)Slot(SlotCreateSession))(env, p, options, &session));
        }

        return session;
    }

    public static int SessionInputCount(nint session)
    {
        nuint count;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(SlotSessionGetInputCount))(session, &count));
        return (int)count;
    }

    public static int SessionOutputCount(nint session)
    {
        nuint count;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(SlotSessionGetOutputCount))(session, &count));
        return (int)count;
    }

    public static string SessionInputName(nint session, int index) => SessionName(session, index, SlotSessionGetInputName);

    public static string SessionOutputName(nint session, int index) => SessionName(session, index, SlotSessionGetOutputName);

    private static string SessionName(nint session, int index, int slot)
    {
        nint allocator;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)Slot(SlotGetAllocatorWithDefaultOptions))(&allocator));
        nint name;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint, nint*, nint>)Slot(slot))(session, (nuint)index, allocator, &name));
        try
        {
            return Marshal.PtrToStringUTF8(name) ?? "";
        }
        finally
        {
            // Names are allocated by ORT's default allocator and must go back to it.
            Check(((delegate* unmanaged[Cdecl]<nint, nint, nint>)Slot(SlotAllocatorFree))(allocator, name));
        }
    }

    public static nint CreateCpuMemoryInfo()
    {
        nint info;
        // OrtArenaAllocator = 1, OrtMemTypeDefault = 0.
        Check(((delegate* unmanaged[Cdecl]<int, int, nint*, nint>)Slot(SlotCreateCpuMemoryInfo))(1, 0, &info));
        return info;
    }

    public static nint CreateTensor(nint memoryInfo, void* data, long byteLength, ReadOnlySpan<long> shape, int elementType)
    {
        nint value;
        fixed (long* s = shape)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)Slot(SlotCreateTensorWithDataAsOrtValue))(
                memoryInfo, data, (nuint)byteLength, s, (nuint)shape.Length, elementType, &value));
        }

        return value;
    }

    public static void Run(nint session, nint* inputNames, nint* inputs, int inputCount, nint* outputNames, int outputCount, nint* outputs) =>
        Check(((delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)Slot(SlotRun))(
            session, 0, inputNames, inputs, (nuint)inputCount, outputNames, (nuint)outputCount, outputs));

    public static void* TensorData(nint value)
    {
        void* data;
        Check(((delegate* unmanaged[Cdecl]<nint, void**, nint>)Slot(SlotGetTensorMutableData))(value, &data));
        return data;
    }

    /// <summary>Element type and shape of a tensor value.</summary>
    public static (int ElementType, long[] Shape) TensorTypeAndShape(nint value)
    {
        nint info;
        Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)Slot(SlotGetTensorTypeAndShape))(value, &info));
        try
        {
            int type;
            Check(((delegate* unmanaged[Cdecl]<nint, int*, nint>)Slot(SlotGetTensorElementType))(info, &type));
            nuint rank;
            Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(SlotGetDimensionsCount))(info, &rank));
            var shape = new long[(int)rank];
            fixed (long* s = shape)
            {
                Check(((delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)Slot(SlotGetDimensions))(info, s, rank));
            }

            return (type, shape);
        }
        finally
        {
            ((delegate* unmanaged[Cdecl]<nint, void>)Slot(SlotReleaseTensorTypeAndShapeInfo))(info);
        }
    }

    public static void ReleaseEnv(nint p) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(SlotReleaseEnv))(p);

    public static void ReleaseMemoryInfo(nint p) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(SlotReleaseMemoryInfo))(p);

    public static void ReleaseSession(nint p) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(SlotReleaseSession))(p);

    public static void ReleaseValue(nint p) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(SlotReleaseValue))(p);

    public static void ReleaseSessionOptions(nint p) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(SlotReleaseSessionOptions))(p);

    public static byte[] Utf8(string s)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }
}
