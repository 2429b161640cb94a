using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Tests.Pii.Engine;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>A minimal web application with only the Presidio endpoints and a stand-in analyzer.</summary>
public sealed class PresidioServerFixture : IAsyncLifetime
{
    private PresidioWebApp? _app;

    public HttpClient Client => _app!.Client;

    public async Task InitializeAsync() =>
        _app = await PresidioWebApp.StartAsync(new PiiEngine(PiiSettings.Default, new RegexTestAnalyzer()), withHealth: false);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
