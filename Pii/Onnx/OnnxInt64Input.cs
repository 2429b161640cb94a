namespace PiiOrleans.Pii.Onnx;

/// <summary>An int64 input tensor for <see cref="OnnxSession.Run"/>: row-major <paramref name="Data"/> of the given shape.</summary>
/// <param name="Name">The graph input name, e.g. <c>input_ids</c>.</param>
/// <param name="Data">Values, row-major; only the first product-of-shape elements are used.</param>
/// <param name="Shape">Dimensions, e.g. [batch, sequence].</param>
public readonly record struct OnnxInt64Input(string Name, long[] Data, long[] Shape);
