using Microsoft.Extensions.DependencyInjection;
using PiiOrleans.Runtime;
using PiiOrleans.Runtime.Testing;
using PiiOrleans.Tests.Runtime.Grains;

namespace PiiOrleans.Tests.Runtime;

/// <summary>Starts a test cluster with the runtime test grains and an <see cref="ActivationLog"/>.</summary>
internal static class RuntimeCluster
{
    public static Task<TestCluster> StartAsync(Action<GrainRuntimeOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        TestCluster.StartAsync(
            s =>
            {
                s.AddSingleton<ActivationLog>();
                services?.Invoke(s);
            },
            options =>
            {
                options.AddGrainAssembly(typeof(CounterGrain).Assembly);
                options.CallTimeout = TimeSpan.FromSeconds(10);
                configure?.Invoke(options);
            });
}
