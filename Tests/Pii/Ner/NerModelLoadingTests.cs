using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class NerModelLoadingTests
{
    [Fact]
    public void RunsOnOnnxRuntimeFromNuGet() => Assert.Equal("1.32.0", NerModel.RuntimeVersion);

    [Fact]
    public void RunsTheBundledModelAndValidatesInputs()
    {
        using var model = NerModel.Load(ModelFixture.Directory, intraOpThreads: 1);
        var logits = model.Run([2, 10, 11, 3, 2, 12, 3, 0], [1, 1, 1, 1, 1, 1, 1, 0], 2, 4);
        Assert.Equal(2 * 4 * model.Labels.Count, logits.Length);
        Assert.All(logits, v => Assert.True(float.IsFinite(v)));
        Assert.Throws<ArgumentException>(() => model.Run([1, 2], [1, 1], 2, 4));
    }

    [Fact]
    public async Task RunsAtOnceAreLimitedToWhatTheCoresServe()
    {
        using (var oneThread = NerModel.Load(ModelFixture.Directory, intraOpThreads: 1))
        {
            Assert.Equal(Environment.ProcessorCount, oneThread.ConcurrentRuns);
        }

        using var model = NerModel.Load(ModelFixture.Directory);
        Assert.Equal(1, model.ConcurrentRuns); // ONNX Runtime's default: one thread per core for every run

        // Callers beyond the limit wait their turn and get the same logits as a run alone.
        long[] ids = [2, 10, 11, 3];
        long[] mask = [1, 1, 1, 1];
        var alone = model.Run(ids, mask, 1, 4);
        var together = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => model.Run(ids, mask, 1, 4))));
        Assert.All(together, logits => Assert.Equal(alone, logits));

        // A cancelled caller does not wait for (or take) a turn.
        Assert.Throws<OperationCanceledException>(() => model.Run(ids, mask, null, null, 1, 4, new CancellationToken(canceled: true)));
        Assert.Equal(alone, model.Run(ids, mask, 1, 4));
    }

    [Fact]
    public void GarbageModelIsANerModelExceptionWithOrtsMessage()
    {
        var dir = ModelFixture.CopyOfBundledModel();
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "model.onnx"), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
            var e = Assert.Throws<NerModelException>(() => NerModel.Load(dir));
            Assert.Contains("model.onnx", e.Message);
            Assert.Contains("ONNX Runtime 1.32.0", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void EnabledNerWithAnUnloadableModelIsAnErrorNeverADowngrade()
    {
        var dir = ModelFixture.CopyOfBundledModel();
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "model.onnx"), [1, 2, 3]);
            var e = Assert.Throws<NerModelException>(() => NamedEntityRecognizerSet.Load(new NerSettings(ModelDirectory: dir)));
            Assert.Contains(dir, e.Message);
            Assert.Contains("--no-ner", e.Message);
            Assert.IsType<NerModelException>(e.InnerException);

            File.Delete(Path.Combine(dir, "model.onnx"));
            e = Assert.Throws<NerModelException>(() => NamedEntityRecognizerSet.Load(new NerSettings(ModelDirectory: dir)));
            Assert.Contains("model.onnx does not exist", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void LogitBiasComesFromConfigAndNamesLabels()
    {
        var dir = ModelFixture.CopyOfBundledModel();
        try
        {
            var config = Path.Combine(dir, "config.json");
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(config))!.AsObject();
            json["logit_bias"] = new System.Text.Json.Nodes.JsonObject { ["O"] = -1.5 };
            File.WriteAllText(config, json.ToJsonString());
            using (var model = NerModel.Load(dir, intraOpThreads: 1))
            {
                Assert.Equal(-1.5f, model.LogitBias[model.Labels.Labels.ToList().IndexOf("O")]);
                Assert.Equal(1, model.LogitBias.Count(b => b != 0));
            }

            json["logit_bias"] = new System.Text.Json.Nodes.JsonObject { ["B-XYZ"] = 1 };
            File.WriteAllText(config, json.ToJsonString());
            var e = Assert.Throws<NerModelException>(() => NerModel.Load(dir));
            Assert.Contains("B-XYZ", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void AModelWithWordFeaturesNeedsItsGazetteer()
    {
        var dir = ModelFixture.CopyOfBundledModel(withGazetteer: false);
        try
        {
            var e = Assert.Throws<NerModelException>(() => NerModel.Load(dir, intraOpThreads: 1));
            Assert.Contains("word_features", e.Message);
            Assert.Contains("gazetteer", e.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void RunningWithoutNerIsExplicit()
    {
        Assert.Empty(NamedEntityRecognizerSet.Disabled.Recognizers);
        Assert.Null(NamedEntityRecognizerSet.Disabled.Problem);
    }
}
