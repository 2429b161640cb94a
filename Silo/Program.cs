using PiiOrleans.Silo.Hosting;

// The silo's verbs. `tee` (one job from the environment, then exit) is the container's default; `serve` runs the gateway.
var verbs = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["serve"] = rest => SiloServer.RunAsync(rest, Console.Error),
    ["tee"] = PiiOrleans.Silo.Tee.TeeJobCommand.RunAsync,
};

if (args is ["--help" or "-h" or "help", ..])
{
    Console.WriteLine("""
        PiiOrleans.Silo VERB [options]
          serve   run the silo and its HTTP gateway (default). Options: --port N, --host IP, --urls URLS, --log-format simple|json
          tee     run one job from the environment (INPUT_PATH, OUTPUT_PATH, ...) and exit
        Any configuration key can be set as --Section:Key=value or as environment variable PIIORLEANS_Section__Key.
        """);
    return 0;
}

// Without a verb (or with options only) the silo serves, so `dotnet run --project Silo -- --port 0` works.
if (args.Length == 0 || args[0].StartsWith('-'))
{
    return await verbs["serve"](args);
}

if (verbs.TryGetValue(args[0], out var run))
{
    return await run(args[1..]);
}

await Console.Error.WriteLineAsync($"Unknown verb '{args[0]}'. Use one of: {string.Join(", ", verbs.Keys)} (options such as --port follow the verb).");
return 1;
