using System.Text.Json;
using Journeys.Api.Http;
using Journeys.Api.Problems;
using Journeys.Engine;
using Journeys.Ingestion;
using Journeys.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Journeys.Api.Endpoints;

/// <summary>
/// <c>POST /api/ingest</c>: one JSON event (an object) or a JSON array of them, routed by the runtime in one batch.
/// The response has one result per element, in order. An array element that is not an object gets a result with an
/// <c>error</c> and does not fail the others: producers batch unrelated events, and one bad apple must not make them
/// resend (and so duplicate) the good ones.
/// </summary>
public static class IngestEndpoints
{
    public static async Task<IResult> IngestAsync(
        HttpRequest request, [FromServices] IJourneyRuntime runtime, [FromServices] ApiOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(options);
        var body = await RequestBody.ReadJsonAsync(request, options.IngestBodyLimit, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (Parse(body.Bytes) is not { } root)
        {
            return Problems.Problems.BadRequest(ContractJson.MalformedJson, "$", MalformedMessage(body.Bytes));
        }

        IReadOnlyList<JsonElement> elements;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                elements = [root];
                break;
            case JsonValueKind.Array when root.GetArrayLength() > options.MaxEventsPerRequest:
                return new ProblemResult(413, "Too many events in one request.", [new ContractError(
                    ApiProblems.TooManyEvents, "$", $"One request may carry at most {options.MaxEventsPerRequest} events; this one has {root.GetArrayLength()}. Split the batch.")]);
            case JsonValueKind.Array:
                elements = root.EnumerateArray().ToList();
                break;
            default:
                return Problems.Problems.BadRequest(ApiProblems.BodyNotEvents, "$", $"The body must be one event (a JSON object) or an array of events, not {Describe(root.ValueKind)}.");
        }

        var events = elements.Where(e => e.ValueKind == JsonValueKind.Object).ToList();
        IReadOnlyList<IngestResult> routed;
        try
        {
            routed = events.Count == 0 ? [] : await runtime.IngestAsync(events, cancellationToken);
        }
        catch (EngineUnavailableException ex)
        {
            return Problems.Problems.Unavailable(ex.Message);
        }

        if (routed.Count != events.Count)
        {
            throw new InvalidOperationException($"The runtime returned {routed.Count} results for {events.Count} events.");
        }

        var results = new List<IngestResult>(elements.Count);
        var next = 0;
        for (var index = 0; index < elements.Count; index++)
        {
            results.Add(elements[index].ValueKind == JsonValueKind.Object
                ? routed[next++]
                : new IngestResult { Error = $"$[{index}]: an event must be a JSON object, not {Describe(elements[index].ValueKind)}." });
        }

        return JsonResponses.Ok(new IngestResponse(results), IngestionJsonContext.Default.IngestResponse);
    }

    /// <summary>
    /// The whole body as one standalone element (its own copy of the bytes, so the runtime may keep events past this
    /// request), or null when it is not one well-formed JSON value.
    /// </summary>
    private static JsonElement? Parse(ReadOnlyMemory<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var root = JsonElement.ParseValue(ref reader);
            return reader.Read() ? null : root; // Anything after the value is malformed.
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string MalformedMessage(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            return "The body is not one JSON value.";
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
            return bytes.IsEmpty ? "The body is empty: send one event or an array of events." : $"Malformed JSON{where}.";
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "this value",
    };
}
