using System.Reflection;
using System.Reflection.Emit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PiiOrleans.Runtime;
using PiiOrleans.Runtime.Testing;
using PiiOrleans.Tests.Runtime.Grains;

namespace PiiOrleans.Tests.Runtime;

public sealed class HostingTests
{
    [Fact]
    public async Task Options_bind_from_the_GrainRuntime_section_and_code_wins()
    {
        await using var cluster = await TestCluster.StartAsync(() =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GrainRuntime:CallTimeout"] = "00:00:07",
                ["GrainRuntime:IdleDeactivationAge"] = "00:02:00",
            });
            builder.Services.AddGrainRuntime(o => o.IdleDeactivationAge = TimeSpan.FromMinutes(3));
            return builder.Build();
        });

        var options = cluster.Services.GetRequiredService<IOptions<GrainRuntimeOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(7), options.CallTimeout);
        Assert.Equal(TimeSpan.FromMinutes(3), options.IdleDeactivationAge);
    }

    [Fact]
    public async Task A_bad_configured_time_span_names_the_setting()
    {
        var error = await Assert.ThrowsAsync<GrainRegistrationException>(() => TestCluster.StartAsync(() =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["GrainRuntime:CallTimeout"] = "soon" });
            builder.Services.AddGrainRuntime();
            return builder.Build();
        }));

        Assert.Contains("GrainRuntime:CallTimeout", error.Message);
    }

    [Fact]
    public async Task A_grain_interface_without_implementation_stops_start_up()
    {
        var module = NewModule();
        var orphan = DefineGrainInterface(module, "IOrphanGrain");

        var error = await Assert.ThrowsAsync<GrainRegistrationException>(() =>
            TestCluster.StartAsync(null, o => o.AddGrainAssembly(orphan.Assembly)));

        Assert.Contains("IOrphanGrain has no implementing grain class", error.Message);
    }

    [Fact]
    public async Task A_grain_interface_with_two_implementations_stops_start_up()
    {
        var module = NewModule();
        var shared = DefineGrainInterface(module, "ISharedGrain");
        DefineGrainClass(module, "FirstGrain", shared);
        DefineGrainClass(module, "SecondGrain", shared);

        var error = await Assert.ThrowsAsync<GrainRegistrationException>(() =>
            TestCluster.StartAsync(null, o => o.AddGrainAssembly(shared.Assembly)));

        Assert.Contains("ISharedGrain is implemented by 2 grain classes (FirstGrain, SecondGrain)", error.Message);
    }

    [Fact]
    public async Task A_grain_method_that_does_not_return_a_task_stops_start_up()
    {
        var module = NewModule();
        var builder = module.DefineType("ICountingGrain", TypeAttributes.Public | TypeAttributes.Interface | TypeAttributes.Abstract);
        builder.AddInterfaceImplementation(typeof(IGrainWithStringKey));
        builder.DefineMethod("Count", MethodAttributes.Public | MethodAttributes.Abstract | MethodAttributes.Virtual | MethodAttributes.HideBySig | MethodAttributes.NewSlot, typeof(int), Type.EmptyTypes);
        var grainInterface = builder.CreateType();
        var grainClass = module.DefineType("CountingGrain", TypeAttributes.Public | TypeAttributes.Class, typeof(Grain));
        grainClass.AddInterfaceImplementation(grainInterface);
        grainClass.DefineDefaultConstructor(MethodAttributes.Public);
        var count = grainClass.DefineMethod("Count", MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot, typeof(int), Type.EmptyTypes);
        var il = count.GetILGenerator();
        il.Emit(OpCodes.Ldc_I4_0);
        il.Emit(OpCodes.Ret);
        grainClass.CreateType();

        var error = await Assert.ThrowsAsync<GrainRegistrationException>(() =>
            TestCluster.StartAsync(null, o => o.AddGrainAssembly(grainInterface.Assembly)));

        Assert.Contains("ICountingGrain.Count returns Int32; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>", error.Message);
    }

    [Fact]
    public async Task Only_registered_assemblies_provide_grains()
    {
        await using var cluster = await TestCluster.StartAsync(null, configureRuntime: null);

        var error = Assert.Throws<GrainRegistrationException>(() => cluster.GrainFactory.GetGrain<ICounterGrain>("x"));

        Assert.Contains("AddGrainAssembly", error.Message);
    }

    [Fact]
    public async Task TestCluster_exposes_the_gateway_address_when_the_host_has_one()
    {
        var address = new Uri("http://127.0.0.1:5555/");
        await using (var withGateway = await RuntimeCluster.StartAsync(services: s => s.AddSingleton<IGatewayAddress>(new FixedGatewayAddress(address))))
        {
            Assert.Equal(address, withGateway.GatewayAddress);
        }

        await using var withoutGateway = await RuntimeCluster.StartAsync();
        Assert.Null(withoutGateway.GatewayAddress);
    }

    [Fact]
    public async Task TestCluster_dispose_stops_the_host_and_refuses_new_activations()
    {
        var cluster = await RuntimeCluster.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ICounterGrain>("late");
        var lifetime = cluster.Services.GetRequiredService<IHostApplicationLifetime>();

        await cluster.DisposeAsync();
        await cluster.DisposeAsync();

        Assert.True(lifetime.ApplicationStopped.IsCancellationRequested);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(grain.Increment);
        Assert.Contains("stopping", error.Message);
    }

    private static ModuleBuilder NewModule() =>
        AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("RuntimeTestGrains" + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run)
            .DefineDynamicModule("Grains");

    private static Type DefineGrainInterface(ModuleBuilder module, string name)
    {
        var builder = module.DefineType(name, TypeAttributes.Public | TypeAttributes.Interface | TypeAttributes.Abstract);
        builder.AddInterfaceImplementation(typeof(IGrainWithStringKey));
        return builder.CreateType();
    }

    private static void DefineGrainClass(ModuleBuilder module, string name, Type grainInterface)
    {
        var builder = module.DefineType(name, TypeAttributes.Public | TypeAttributes.Class, typeof(Grain));
        builder.AddInterfaceImplementation(grainInterface);
        builder.DefineDefaultConstructor(MethodAttributes.Public);
        builder.CreateType();
    }
}
