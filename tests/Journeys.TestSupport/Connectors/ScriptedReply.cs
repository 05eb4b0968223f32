namespace Journeys.Runtime.Tests.Connectors;

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

    public static ScriptedReply Json(string body, int status = 200) => new() { StatusCode = status, Body = body };

    public static ScriptedReply Status(int status) => new() { StatusCode = status };

    public static ScriptedReply Drop => new() { DropConnection = true };
}
