using System.Runtime.InteropServices;

namespace PiiOrleans.Pii.Onnx;

/// <summary>
/// A loaded ONNX model. <see cref="Run"/> is thread-safe (ONNX Runtime allows concurrent runs on one session).
/// </summary>
public sealed unsafe class OnnxSession : IDisposable
{
    private readonly OrtHandle session;

    private OnnxSession(OrtHandle session, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        this.session = session;
        InputNames = inputs;
        OutputNames = outputs;
    }

    /// <summary>The graph's input names, in order.</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The graph's output names, in order.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The ONNX Runtime version in use, e.g. "1.30.0".</summary>
    public static string RuntimeVersion
    {
        get
        {
            OrtApi.EnsureLoaded();
            return OrtApi.Version;
        }
    }

    /// <summary>Loads <paramref name="modelPath"/>; ONNX Runtime's errors (missing file, bad graph) surface as <see cref="OnnxRuntimeException"/>.</summary>
    public static OnnxSession Open(string modelPath, OnnxSessionOptions? options = null)
    {
        options ??= OnnxSessionOptions.Default;
        var env = OnnxRuntimeEnvironment.Env;
        using var opts = new OrtHandle(OrtApi.CreateSessionOptions(), OrtApi.ReleaseSessionOptions);
        var o = opts.DangerousGetHandle();
        if (options.IntraOpThreads > 0)
        {
            OrtApi.SetIntraOpNumThreads(o, options.IntraOpThreads);
        }

        OrtApi.SetInterOpNumThreads(o, Math.Max(1, options.InterOpThreads));
        OrtApi.SetSessionExecutionMode(o, options.InterOpThreads > 1 ? 1 : 0);
        OrtApi.SetGraphOptimizationLevel(o, options.OptimizationLevel);
        // Spinning worker threads burn the cores that the rest of the pipeline needs between batches.
        OrtApi.AddSessionConfigEntry(o, "session.intra_op.allow_spinning", "0");

        var handle = new OrtHandle(OrtApi.CreateSession(env.DangerousGetHandle(), Path.GetFullPath(modelPath), o), OrtApi.ReleaseSession);
        try
        {
            var s = handle.DangerousGetHandle();
            var inputs = Enumerable.Range(0, OrtApi.SessionInputCount(s)).Select(i => OrtApi.SessionInputName(s, i)).ToArray();
            var outputs = Enumerable.Range(0, OrtApi.SessionOutputCount(s)).Select(i => OrtApi.SessionOutputName(s, i)).ToArray();
            return new OnnxSession(handle, inputs, outputs);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Runs the model on int64 inputs and returns the float output <paramref name="outputName"/>.</summary>
    public OnnxFloatTensor Run(IReadOnlyList<OnnxInt64Input> inputs, string outputName)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var count = inputs.Count;
        var pins = new GCHandle[count];
        var values = new nint[count];
        var names = new byte[count][];
        var namePins = new GCHandle[count + 1];
        var outputNameBytes = OrtApi.Utf8(outputName);
        var added = false;
        session.DangerousAddRef(ref added);
        try
        {
            var memory = OnnxRuntimeEnvironment.CpuMemory.DangerousGetHandle();
            var namePtrs = stackalloc nint[count];
            for (var i = 0; i < count; i++)
            {
                var input = inputs[i];
                var elements = 1L;
                foreach (var d in input.Shape)
                {
                    elements *= d;
                }

                if (elements > input.Data.Length)
                {
                    throw new ArgumentException($"Input '{input.Name}' has {input.Data.Length} values but its shape needs {elements}.", nameof(inputs));
                }

                // ORT does not copy the data: it stays pinned until the value is released below.
                pins[i] = GCHandle.Alloc(input.Data, GCHandleType.Pinned);
                values[i] = OrtApi.CreateTensor(memory, (void*)pins[i].AddrOfPinnedObject(), elements * sizeof(long), input.Shape, OrtApi.ElementInt64);
                names[i] = OrtApi.Utf8(input.Name);
                namePins[i] = GCHandle.Alloc(names[i], GCHandleType.Pinned);
                namePtrs[i] = namePins[i].AddrOfPinnedObject();
            }

            namePins[count] = GCHandle.Alloc(outputNameBytes, GCHandleType.Pinned);
            var outName = namePins[count].AddrOfPinnedObject();
            nint output = 0;
            fixed (nint* v = values)
            {
                OrtApi.Run(session.DangerousGetHandle(), namePtrs, v, count, &outName, 1, &output);
            }

            try
            {
                var (type, shape) = OrtApi.TensorTypeAndShape(output);
                if (type != OrtApi.ElementFloat)
                {
                    throw new OnnxRuntimeException($"Output '{outputName}' has element type {type}; a float tensor was expected.");
                }

                var total = 1L;
                foreach (var d in shape)
                {
                    total *= d;
                }

                var data = new float[total];
                new ReadOnlySpan<float>(OrtApi.TensorData(output), (int)total).CopyTo(data);
                return new OnnxFloatTensor(data, shape);
            }
            finally
            {
                OrtApi.ReleaseValue(output);
            }
        }
        finally
        {
            for (var i = 0; i < count; i++)
            {
                if (values[i] != 0)
                {
                    OrtApi.ReleaseValue(values[i]);
                }

                if (pins[i].IsAllocated)
                {
                    pins[i].Free();
                }
            }

            foreach (var pin in namePins)
            {
                if (pin.IsAllocated)
                {
                    pin.Free();
                }
            }

            if (added)
            {
                session.DangerousRelease();
            }
        }
    }

    /// <summary>Releases the native session.</summary>
    public void Dispose() => session.Dispose();
}
