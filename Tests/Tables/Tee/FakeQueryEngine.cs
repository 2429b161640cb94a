using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PiiOrleans.Tests.Tables.Tee;

/// <summary>A real HTTP server (Kestrel on 127.0.0.1, random port) playing the Query Engine with scripted replies.</summary>
internal sealed class FakeQueryEngine : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeQueryEngine(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Replies to POST /query (default: 200 {"query_id":"q-123"}).</summary>
    public Func<int, (int Status, string Body)> Submit { get; set; } = _ => (200, """{"query_id":"q-123"}""");

    /// <summary>Replies to GET /query/{id} by poll number (1-based).</summary>
    public Func<int, (int Status, string Body)> Poll { get; set; } = _ => (200, """{"query_status":"success","query_results":"/files/results.db"}""");

    /// <summary>Replies to GET /files/results.db by attempt number.</summary>
    public Func<int, (int Status, byte[] Body)> Download { get; set; } = _ => (404, []);

    public Uri Address { get; private set; } = null!;

    public static async Task<FakeQueryEngine> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var engine = new FakeQueryEngine(app);
        var counts = new ConcurrentDictionary<string, int>();
        app.Run(async context =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            engine.Requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.Headers["X-Query-Signature"].ToString(), context.Request.ContentType, body));
            var path = context.Request.Path.Value ?? "";
            var n = counts.AddOrUpdate(path.StartsWith("/query/", StringComparison.Ordinal) ? "poll" : path, 1, (_, v) => v + 1);
            if (context.Request.Method == "POST" && path == "/query")
            {
                await Reply(context, engine.Submit(n));
            }
            else if (path.StartsWith("/query/", StringComparison.Ordinal))
            {
                await Reply(context, engine.Poll(n));
            }
            else if (path == "/files/results.db")
            {
                var (status, bytes) = engine.Download(n);
                context.Response.StatusCode = status;
                await context.Response.Body.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 500;
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        engine.Address = new Uri(address);
        return engine;
    }

    private static async Task Reply(HttpContext context, (int Status, string Body) reply)
    {
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record RecordedRequest(string Method, string Path, string Signature, string? ContentType, string Body);
}
