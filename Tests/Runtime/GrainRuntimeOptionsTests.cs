using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Runtime;

public sealed class GrainRuntimeOptionsTests
{
    [Fact]
    public void Defaults_match_orleans_call_timeout()
    {
        var options = new GrainRuntimeOptions();
        Assert.Equal(TimeSpan.FromSeconds(60), options.CallTimeout);
        options.AddGrainAssembly(typeof(Grain).Assembly).AddGrainAssembly(typeof(Grain).Assembly);
        Assert.Single(options.GrainAssemblies);
    }
}
