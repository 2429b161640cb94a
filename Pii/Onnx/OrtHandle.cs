using System.Runtime.InteropServices;

namespace PiiOrleans.Pii.Onnx;

/// <summary>A native ONNX Runtime object, released exactly once through its <c>Release*</c> API function.</summary>
internal sealed class OrtHandle : SafeHandle
{
    private readonly Action<nint> release;

    public OrtHandle(nint handle, Action<nint> release) : base(0, ownsHandle: true)
    {
        this.release = release;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        release(handle);
        return true;
    }
}
