using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Silo.Gateway.Presidio;
using PiiOrleans.Tests.Pii.Engine;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>A minimal web application with only the Presidio endpoints and a stand-in analyzer.</summary>
public sealed class PresidioServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(new PiiEngine(PiiSettings.Default, new RegexTestAnalyzer()));
        _app = builder.Build();
        _app.MapPresidioEndpoints();
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
