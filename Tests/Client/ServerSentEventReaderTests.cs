using System.Text;
using PiiOrleans.Client.Connection;

namespace PiiOrleans.Tests.Client;

public sealed class ServerSentEventReaderTests
{
    [Fact]
    public async Task Messages_comments_and_multi_line_data_are_parsed()
    {
        const string stream = ": keep-alive\n\nid: 1\nevent: started\ndata: {\"a\":1}\n\nid: 2\nevent: log\ndata: line one\ndata:line two\n\ndata: trailing without blank line";
        var messages = new List<(string? Id, string Event, string Data)>();

        await foreach (var message in ServerSentEventReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(stream)), CancellationToken.None))
        {
            messages.Add((message.Id, message.Event, message.Data));
        }

        Assert.Equal(
            [("1", "started", "{\"a\":1}"), ("2", "log", "line one\nline two")],
            messages);
    }
}
