using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Silo.Gateway.Presidio;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>
/// A web application hosting only the Presidio API (and its <c>/health</c>) over the real pattern engine with the built-in
/// configuration, on a free loopback port: independent of the grain runtime.
/// </summary>
public sealed class PresidioApiFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(PiiEngine.Create(PiiSettings.Default));
        _app = builder.Build();
        _app.MapPresidioEndpoints();
        _app.MapPresidioHealthEndpoint();
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
