namespace PiiOrleans.Pii.Onnx;

/// <summary>A float output tensor copied out of ONNX Runtime: row-major <paramref name="Data"/> of <paramref name="Shape"/>.</summary>
/// <param name="Data">Values, row-major.</param>
/// <param name="Shape">Dimensions, e.g. [batch, sequence, labels].</param>
public sealed record OnnxFloatTensor(float[] Data, long[] Shape);
