using PiiOrleans.Client;

return await ClientCommandLine.RunAsync(args, ClientEnvironment.ForConsole());
