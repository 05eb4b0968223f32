using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Connectors;

/// <summary>What the loopback server does with one request.</summary>
public sealed record ScriptedReply
{
    public int StatusCode { get; init; } = 200;

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Waits this long before answering (or dropping).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Closes the connection without any answer.</summary>
    public bool DropConnection { get; init; }

    /// <summary>Sends the body chunked, without a Content-Length.</summary>
    public bool Chunked { get; init; }

    /// <summary>
    /// Answer as an HTTP/1.0 server does (Python's http.server by default): an <c>HTTP/1.0</c> status line, no
    /// Connection header, and the connection closed after this much time once the response is written. A request
    /// sent on the connection meanwhile is never read.
    /// </summary>
    public TimeSpan? Http10CloseAfter { get; init; }

    public static ScriptedReply Json(string body, int status = 200) => new() { StatusCode = status, Body = body };

    public static ScriptedReply Status(int status) => new() { StatusCode = status };

    public static ScriptedReply Drop => new() { DropConnection = true };
}
