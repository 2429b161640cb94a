using PiiOrleans.Pii.Configuration;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>
/// A web application hosting only the Presidio API (and its <c>/health</c>) over the real pattern engine with the built-in
/// configuration, on a free loopback port: independent of the grain runtime.
/// </summary>
public sealed class PresidioApiFixture : IAsyncLifetime
{
    private PresidioWebApp? _app;

    public HttpClient Client => _app!.Client;

    public async Task InitializeAsync() => _app = await PresidioWebApp.StartAsync(PiiEngine.Create(PiiSettings.Default), withHealth: true);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
