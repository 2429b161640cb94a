using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Silo.Gateway.Presidio;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>A web application hosting only the Presidio endpoints over a given engine, on a free loopback port.</summary>
public sealed class PresidioWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PresidioWebApp(WebApplication app)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    /// <summary>Starts it; <paramref name="withHealth"/> also maps the Presidio <c>/health</c>; <paramref name="limits"/> replaces the defaults.</summary>
    public static async Task<PresidioWebApp> StartAsync(PiiEngine engine, bool withHealth, PresidioLimits? limits = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(engine);
        if (limits is not null)
        {
            builder.Services.AddSingleton(limits);
        }
        var app = builder.Build();
        app.MapPresidioEndpoints();
        if (withHealth)
        {
            app.MapPresidioHealthEndpoint();
        }

        await app.StartAsync();
        return new PresidioWebApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
