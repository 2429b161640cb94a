using System.CommandLine;
using Microsoft.Data.Sqlite;

namespace PiiOrleans.Client.Commands;

/// <summary>
/// <c>piiorleans db create --sql SCRIPT.sql -o OUT.db</c>: builds a SQLite database from a SQL script (such as
/// <c>samples/vana-dummy-data.sql</c>), so a fresh machine needs no sqlite3 binary to prepare a tables job's input.
/// </summary>
public static class DbCreateCommand
{
    /// <summary>Creates the <c>db</c> command group with its <c>create</c> subcommand.</summary>
    public static Command Create(ClientEnvironment environment)
    {
        var sql = new Option<string>("--sql", "-s") { Description = "SQL script to execute.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Database file to create (must not exist unless --force).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing output file." };
        var create = new Command("create", "Create a SQLite database from a SQL script.") { sql, output, force };
        create.SetAction((parseResult, cancellationToken) => environment.GuardAsync(
            async () =>
            {
                var scriptPath = parseResult.GetRequiredValue(sql);
                var outputPath = Path.GetFullPath(parseResult.GetRequiredValue(output));
                if (!File.Exists(scriptPath))
                {
                    throw new ClientUsageException($"SQL script not found: {scriptPath}");
                }

                if (File.Exists(outputPath) && !parseResult.GetValue(force))
                {
                    throw new ClientUsageException($"{outputPath} exists; pass --force to replace it.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
                var script = await File.ReadAllTextAsync(scriptPath, cancellationToken);

                // Build next to the target and rename, so a failing script never leaves a half-built database behind.
                var temporary = outputPath + ".tmp-" + Environment.ProcessId;
                File.Delete(temporary);
                try
                {
                    await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
                    {
                        await connection.OpenAsync(cancellationToken);
                        await using var command = connection.CreateCommand();
                        command.CommandText = script;
                        await command.ExecuteNonQueryAsync(cancellationToken);
                    }

                    File.Move(temporary, outputPath, overwrite: true);
                }
                catch (SqliteException exception)
                {
                    File.Delete(temporary);
                    throw new ClientUsageException($"{scriptPath}: SQLite error {exception.SqliteErrorCode}: {exception.Message}");
                }

                await environment.Output.WriteLineAsync($"Created {outputPath}");
                return 0;
            },
            cancellationToken));
        return new Command("db", "SQLite helpers for preparing inputs.") { create };
    }
}
