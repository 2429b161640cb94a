namespace PiiOrleans.Pii.Onnx;

/// <summary>
/// An error reported by ONNX Runtime (with its error code and message) or raised while loading the native library.
/// </summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception from ONNX Runtime's error code and message.</summary>
    public OnnxRuntimeException(int errorCode, string message)
        : base($"ONNX Runtime error {errorCode} ({CodeName(errorCode)}): {message}")
    {
        ErrorCode = errorCode;
    }

    /// <summary>Creates an exception for a failure on our side of the binding (no ONNX Runtime code).</summary>
    public OnnxRuntimeException(string message, Exception? inner = null) : base(message, inner)
    {
        ErrorCode = -1;
    }

    /// <summary>ONNX Runtime's <c>OrtErrorCode</c>, or -1 when the error is not from ONNX Runtime.</summary>
    public int ErrorCode { get; }

    private static string CodeName(int code) => code switch
    {
        1 => "FAIL",
        2 => "INVALID_ARGUMENT",
        3 => "NO_SUCHFILE",
        4 => "NO_MODEL",
        5 => "ENGINE_ERROR",
        6 => "RUNTIME_EXCEPTION",
        7 => "INVALID_PROTOBUF",
        8 => "MODEL_LOADED",
        9 => "NOT_IMPLEMENTED",
        10 => "INVALID_GRAPH",
        11 => "EP_FAIL",
        _ => "UNKNOWN",
    };
}
