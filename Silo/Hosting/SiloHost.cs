using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Security;
using PiiOrleans.Silo.Gateway;
using PiiOrleans.Silo.Gateway.Presidio;

namespace PiiOrleans.Silo.Hosting;

/// <summary>
/// Builds the silo: configuration (appsettings.json, <c>PIIORLEANS_</c> environment variables, command line), logging,
/// the Orleans silo (co-hosted with Kestrel in one process), the job types of every pipeline, and the HTTP gateway. The serve verb, the client's embedded
/// mode and the tests all build the silo here, so they run the same thing.
/// </summary>
public static class SiloHost
{
    /// <summary>Environment variables with this prefix configure the silo (<c>PIIORLEANS_Silo__Port=8080</c>).</summary>
    public const string EnvironmentPrefix = "PIIORLEANS_";

    /// <summary>The Orleans service id of every PiiOrleans cluster (clients must use the same).</summary>
    public const string ServiceId = "piiorleans";

    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--port"] = "Silo:Port",
        ["--host"] = "Silo:Host",
        ["--urls"] = "Silo:Urls",
        ["--log-format"] = "Silo:LogFormat",
        ["--silo-port"] = "Silo:SiloPort",
        ["--gateway-port"] = "Silo:GatewayPort",
        ["--cluster"] = "Silo:Cluster",
        ["--cluster-id"] = "Silo:ClusterId",
        ["--advertise"] = "Silo:AdvertisedAddress",
        ["--dashboard"] = "Silo:Dashboard",
    };

    /// <summary>Builds and maps a silo in one step.</summary>
    public static WebApplication Create(SiloHostSettings settings) => Build(CreateBuilder(settings));

    /// <summary>Prepares the silo's builder; add services to it before <see cref="Build"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(SiloHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var args = SiloDataRootArguments.Expand(settings.Args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(SiloHost).Assembly.GetName().Name,
        });

        // Later sources win: the command line overrides PIIORLEANS_ variables, which override appsettings.json.
        builder.Configuration.AddEnvironmentVariables(EnvironmentPrefix);
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        if (settings.Embedded)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            });
        }

        var silo = ReadOptions(builder.Configuration);
        ConfigureLogging(builder, silo, settings.Embedded);
        ConfigureListening(builder, silo, settings.Embedded);
        ConfigureAccess(builder, silo, settings.Embedded);

        builder.Services.Configure<SiloOptions>(builder.Configuration.GetSection(SiloOptions.SectionName));
        builder.Services.Configure<JobOptions>(builder.Configuration.GetSection("Jobs"));
        builder.Services.ConfigureHttpJsonOptions(o => JobJson.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        ConfigureOrleans(builder, silo, settings.Embedded);
        builder.Services.AddPiiOrleansServices(builder.Configuration);
        settings.ConfigureServices?.Invoke(builder.Services);
        return builder;
    }

    /// <summary>Builds the application and maps the gateway endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<GatewayGuard>();
        MapDashboard(app);
        app.MapJobGateway();
        app.MapPresidioEndpoints();
        return app;
    }

    // The dashboard has no authentication of its own: loopback callers only, unless Silo:DashboardAllowRemote says otherwise.
    private static void MapDashboard(WebApplication app)
    {
        var silo = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloOptions>>().Value;
        if (!silo.Dashboard)
        {
            return;
        }

        app.UseWhen(context => context.Request.Path.StartsWithSegments("/dashboard"), branch => branch.Use(async (context, next) =>
        {
            if (!silo.DashboardAllowRemote && context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        }));
        app.MapOrleansDashboard(routePrefix: "/dashboard");
    }

    /// <summary>The started gateway's base address (http://127.0.0.1:PORT/), or null before the server has bound.</summary>
    public static Uri? GetGatewayAddress(IServiceProvider services) =>
        KestrelGatewayAddress.From(services.GetRequiredService<IServer>());

    // Without --cluster: one silo on this machine, localhost clustering on the configured (or, embedded, free) ports.
    // With --cluster redis://…: a pool member (Redis membership, job state and reminders; fast failure detection),
    // reachable on its advertised address. The Orleans gateway is where `piiorleans --gateway/--cluster` connects.
    private static void ConfigureOrleans(WebApplicationBuilder builder, SiloOptions silo, bool embedded)
    {
        var siloPort = embedded ? FreePort.Next() : silo.SiloPort;
        var gatewayPort = embedded ? FreePort.Next() : silo.GatewayPort;
        var pool = embedded ? null : PoolCluster.Parse(silo.Cluster);
        if (silo.Kubernetes && pool is null && !embedded)
        {
            throw new SiloConfigurationException("Silo:Kubernetes is set but Silo:Cluster (--cluster) is not; a Kubernetes pool keeps its membership in Redis: give redis://HOST:PORT.");
        }

        var advertised = pool is null || silo.Kubernetes ? null : AdvertisedAddress(silo.AdvertisedAddress);
        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = silo.ClusterId;
                o.ServiceId = ServiceId;
            });
            if (silo.Dashboard)
            {
                orleans.AddDashboard();
            }

            if (pool is null)
            {
                orleans.UseLocalhostClustering(siloPort, gatewayPort);
                orleans.AddPiiOrleansGrains();
                return;
            }

            orleans.UseRedisClustering(o => o.ConfigurationOptions = pool.RedisOptions());
            orleans.AddPoolStorage(pool);
            if (silo.Kubernetes)
            {
                // The pod's IP is the advertised address; ORLEANS_CLUSTER_ID/ORLEANS_SERVICE_ID must match Silo:ClusterId
                // and "piiorleans" (deploy/k8s sets both).
                orleans.UseKubernetesHosting();
                orleans.Configure<EndpointOptions>(o =>
                {
                    o.SiloPort = siloPort;
                    o.GatewayPort = gatewayPort;
                });
            }
            else
            {
                orleans.ConfigureEndpoints(advertised!, siloPort, gatewayPort, listenOnAnyHostAddress: true);
            }
            orleans.Configure<ClusterMembershipOptions>(PoolMembership.Apply);
            orleans.AddPiiOrleansGrains(memoryStorage: false);
        });
    }

    // The address other silos and clients reach this silo on: configured, or this host's first IPv4 address.
    private static IPAddress AdvertisedAddress(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return IPAddress.TryParse(configured, out var address)
                ? address
                : Dns.GetHostAddresses(configured).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                  ?? throw new SiloConfigurationException($"Silo:AdvertisedAddress (--advertise) '{configured}' has no IPv4 address; give an IP address.");
        }

        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
               ?? IPAddress.Loopback;
    }

    private static SiloOptions ReadOptions(IConfiguration configuration)
    {
        SiloOptions options;
        try
        {
            options = configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new SiloConfigurationException($"The silo configuration is invalid: {e.Message} Fix the value in appsettings.json, the PIIORLEANS_ environment or the command line.");
        }

        if (options.Port is < 0 or > 65535)
        {
            throw new SiloConfigurationException($"Silo:Port (--port) is {options.Port}; use 0 (any free port) to 65535.");
        }

        if (options.SiloPort is < 1 or > 65535 || options.GatewayPort is < 1 or > 65535)
        {
            throw new SiloConfigurationException(
                $"Silo:SiloPort (--silo-port) is {options.SiloPort} and Silo:GatewayPort (--gateway-port) is {options.GatewayPort}; use 1 to 65535.");
        }

        if (options.LogFormat is not ("simple" or "json"))
        {
            throw new SiloConfigurationException($"Silo:LogFormat (--log-format) is '{options.LogFormat}'; use 'simple' or 'json'.");
        }

        return options;
    }

    // Who may call the silo and which files its jobs may touch (docs/security.md). The embedded silo's only caller is
    // the user who started the client, so it may use that user's paths; a served silo uses only its data roots.
    private static void ConfigureAccess(WebApplicationBuilder builder, SiloOptions silo, bool embedded)
    {
        var beyondLoopback = !embedded && SiloListenAddresses.BeyondLoopback(silo);
        if (beyondLoopback && string.IsNullOrWhiteSpace(silo.ApiKey))
        {
            throw new SiloConfigurationException(
                "The silo listens beyond loopback but has no API key. Set Silo:ApiKey (PIIORLEANS_Silo__ApiKey), or listen on 127.0.0.1.");
        }

        if (silo.MaxRequestBodyBytes < 1)
        {
            throw new SiloConfigurationException($"Silo:MaxRequestBodyBytes is {silo.MaxRequestBodyBytes}; use a positive number of bytes.");
        }

        builder.Services.AddSingleton(embedded ? JobDataRoots.Unrestricted : JobDataRoots.Of(silo.DataRoots));
        builder.Services.AddSingleton(new GatewayGuardOptions(
            string.IsNullOrWhiteSpace(silo.ApiKey) ? null : silo.ApiKey, silo.AllowedHosts, silo.AllowedOrigins, silo.MaxRequestBodyBytes, beyondLoopback));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = silo.MaxRequestBodyBytes);
    }

    private static void ConfigureLogging(WebApplicationBuilder builder, SiloOptions silo, bool embedded)
    {
        builder.Logging.ClearProviders();
        if (silo.LogFormat == "json" && !embedded)
        {
            builder.Logging.AddJsonConsole(o =>
            {
                // Scopes carry the job id and the silo of everything a job's run logs.
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        if (embedded)
        {
            // The client owns standard output; the in-process silo only speaks up on standard error.
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }

    private static void ConfigureListening(WebApplicationBuilder builder, SiloOptions silo, bool embedded)
    {
        if (embedded)
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            return;
        }

        if (!string.IsNullOrWhiteSpace(silo.Urls))
        {
            builder.WebHost.UseUrls(silo.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return;
        }

        if (silo.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(silo.Port));
        }
        else if (IPAddress.TryParse(silo.Host, out var address))
        {
            builder.WebHost.ConfigureKestrel(k => k.Listen(address, silo.Port));
        }
        else
        {
            throw new SiloConfigurationException($"Silo:Host (--host) is '{silo.Host}'; use an IP address such as 127.0.0.1 or 0.0.0.0, or 'localhost'.");
        }
    }
}
