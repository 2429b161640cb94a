using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PiiOrleans.Silo.Hosting;

/// <summary>The <c>serve</c> verb: runs the silo and its gateway in the foreground until Ctrl+C or SIGTERM.</summary>
public static class SiloServer
{
    /// <summary>Runs the silo; returns 0 after a clean shutdown, 1 for bad configuration, 2 when the port is taken.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken = default)
    {
        WebApplication app;
        try
        {
            app = SiloHost.Create(new SiloHostSettings { Args = args });
        }
        catch (SiloConfigurationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                // Kestrel reports a port in use as an IOException whose message names the address: safe to show.
                await error.WriteLineAsync($"The gateway cannot listen: {e.Message} Choose another port with --port.");
                return 2;
            }

            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PiiOrleans.Silo");
            logger.LogInformation("Silo gateway listening on {Address}", SiloHost.GetGatewayAddress(app.Services));
            await app.WaitForShutdownAsync(cancellationToken);
        }

        return 0;
    }
}
