using PiiOrleans.Pii.Onnx;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class OnnxSessionTests
{
    [Fact]
    public void LoadsTheNativeLibraryAndReportsItsVersion()
    {
        Assert.Equal("1.30.0", OnnxSession.RuntimeVersion);
        Assert.NotNull(OnnxRuntimeLibrary.LoadedPath);
    }

    [Fact]
    public void MissingModelFileRaisesOnnxRuntimeExceptionWithOrtMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), "piiorleans-no-such-model-" + Guid.NewGuid().ToString("N") + ".onnx");
        var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(path));
        Assert.Equal(3, e.ErrorCode); // ORT_NO_SUCHFILE
        Assert.Contains("NO_SUCHFILE", e.Message);
        Assert.Contains(Path.GetFileName(path), e.Message);
    }

    [Fact]
    public void GarbageModelRaisesOnnxRuntimeException()
    {
        var path = Path.Combine(Path.GetTempPath(), "piiorleans-garbage-" + Guid.NewGuid().ToString("N") + ".onnx");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        try
        {
            var e = Assert.Throws<OnnxRuntimeException>(() => OnnxSession.Open(path));
            Assert.True(e.ErrorCode > 0);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RunsTheBundledModelAndValidatesInputs()
    {
        var dir = ModelFixture.Directory;
        using var session = OnnxSession.Open(Path.Combine(dir, "model.onnx"), new OnnxSessionOptions(IntraOpThreads: 1));
        Assert.Contains("input_ids", session.InputNames);
        Assert.Contains("attention_mask", session.InputNames);
        Assert.Equal("logits", session.OutputNames[0]);

        var shape = new long[] { 2, 4 };
        var output = session.Run(
            [new OnnxInt64Input("input_ids", [2, 10, 11, 3, 2, 12, 3, 0], shape), new OnnxInt64Input("attention_mask", [1, 1, 1, 1, 1, 1, 1, 0], shape)],
            "logits");
        Assert.Equal(3, output.Shape.Length);
        Assert.Equal(2, output.Shape[0]);
        Assert.Equal(4, output.Shape[1]);
        Assert.Equal(output.Shape[0] * output.Shape[1] * output.Shape[2], output.Data.Length);
        Assert.All(output.Data, v => Assert.True(float.IsFinite(v)));

        Assert.Throws<ArgumentException>(() => session.Run([new OnnxInt64Input("input_ids", [1, 2], shape)], "logits"));
        var bad = Assert.Throws<OnnxRuntimeException>(() => session.Run([new OnnxInt64Input("no_such_input", [1, 2, 3, 4, 5, 6, 7, 8], shape)], "logits"));
        Assert.True(bad.ErrorCode > 0);
    }
}
