using System.Text;

namespace PiiOrleans.Client.Connection;

/// <summary>Parses a <c>text/event-stream</c> body into (id, event, data) messages, per the WHATWG event-stream format.</summary>
internal static class ServerSentEventReader
{
    /// <summary>One dispatched message. <see cref="Id"/> is null when the message carried none.</summary>
    internal readonly record struct Message(string? Id, string Event, string Data);

    public static async IAsyncEnumerable<Message> ReadAsync(
        Stream stream,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? id = null;
        string eventName = "message";
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new Message(id, eventName, data.ToString());
                }

                id = null;
                eventName = "message";
                data.Clear();
                hasData = false;
                continue;
            }

            if (line[0] == ':')
            {
                continue; // comment / keep-alive
            }

            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    eventName = value;
                    break;
                case "data":
                    if (hasData)
                    {
                        data.Append('\n');
                    }

                    data.Append(value);
                    hasData = true;
                    break;
            }
        }
    }
}
