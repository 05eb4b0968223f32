using System.Text.Json;
using Journeys.Core.Execution;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// The result of one custom action call (all its attempts). <see cref="WriteResult"/> gives the
/// <c>{ status, statusCode, body }</c> object journeys read as <c>actions.&lt;node&gt;</c>.
/// </summary>
public sealed record ActionOutcome
{
    public required ActionStatus Status { get; init; }

    /// <summary>HTTP status of the last attempt that got an answer; null when none did.</summary>
    public int? StatusCode { get; init; }

    /// <summary>
    /// The last response body: parsed JSON, or the text as a JSON string when it is not JSON; null when empty or
    /// when no answer came. Detached from any document, safe to keep.
    /// </summary>
    public JsonElement? Body { get; init; }

    /// <summary>HTTP requests sent (0 when the call was capped or failed before sending).</summary>
    public int Attempts { get; init; }

    /// <summary>Wall time of the whole call, retries and backoff included.</summary>
    public long LatencyMs { get; init; }

    /// <summary>One of <see cref="ConnectorErrorCodes"/>; null when <see cref="Status"/> is ok.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A message for people; never contains a secret.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The wire name of <see cref="Status"/>: <c>ok</c>, <c>error</c>, <c>timedout</c>, <c>capped</c>.</summary>
    public string StatusName => Status switch
    {
        ActionStatus.Ok => "ok",
        ActionStatus.TimedOut => "timedout",
        ActionStatus.Capped => "capped",
        _ => "error",
    };

    public bool IsSuccess => Status == ActionStatus.Ok;

    /// <summary>Writes <c>{ "status", "statusCode", "body" }</c>, the value of <c>actions.&lt;node&gt;</c>.</summary>
    public void WriteResult(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("status", StatusName);
        if (StatusCode is { } code)
        {
            writer.WriteNumber("statusCode", code);
        }
        else
        {
            writer.WriteNull("statusCode");
        }

        writer.WritePropertyName("body");
        if (Body is { } body)
        {
            body.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
    }
}
