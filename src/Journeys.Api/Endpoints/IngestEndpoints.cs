using System.Text.Json;
using System.Text.Unicode;
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

        // Utf8JsonReader does not check that the bytes inside strings and property names are valid UTF-8, so a body
        // with broken bytes would be routed (and stored) as if it were JSON; it is malformed and refused whole.
        if (!Utf8.IsValid(body.Bytes.Span))
        {
            return Problems.Problems.BadRequest(ContractJson.MalformedJson, "$", "The body is not valid UTF-8.");
        }

        if (Parse(body.Bytes) is not { } root)
        {
            return Problems.Problems.BadRequest(ContractJson.MalformedJson, "$", MalformedMessage(body.Bytes));
        }

        JsonElement[] elements;
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                elements = [root];
                break;
            case JsonValueKind.Array when root.GetArrayLength() > options.MaxEventsPerRequest:
                return new ProblemResult(413, "Too many events in one request.", [new ContractError(
                    ApiProblems.TooManyEvents, "$", $"One request may carry at most {options.MaxEventsPerRequest} events; this one has {root.GetArrayLength()}. Split the batch.")]);
            case JsonValueKind.Array:
                elements = new JsonElement[root.GetArrayLength()];
                var position = 0;
                foreach (var element in root.EnumerateArray())
                {
                    elements[position++] = element;
                }

                break;
            default:
                return Problems.Problems.BadRequest(ApiProblems.BodyNotEvents, "$", $"The body must be one event (a JSON object) or an array of events, not {Describe(root.ValueKind)}.");
        }

        // The elements are views into the parsed body, which is its own standalone copy (see Parse): nothing is
        // cloned per event, and the runtime may keep an event (an instance's entry) after this request ends.
        var events = OnlyObjects(elements);
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

        if (events.Count == elements.Length)
        {
            return new IngestResultsResponse(routed);
        }

        var results = new IngestResult[elements.Length];
        var next = 0;
        for (var index = 0; index < elements.Length; index++)
        {
            results[index] = elements[index].ValueKind == JsonValueKind.Object
                ? routed[next++]
                : new IngestResult { Error = $"$[{index}]: an event must be a JSON object, not {Describe(elements[index].ValueKind)}." };
        }

        return new IngestResultsResponse(results);
    }

    /// <summary>The elements that are events (objects); the array itself when all are.</summary>
    private static IReadOnlyList<JsonElement> OnlyObjects(JsonElement[] elements)
    {
        var objects = 0;
        foreach (var element in elements)
        {
            objects += element.ValueKind == JsonValueKind.Object ? 1 : 0;
        }

        if (objects == elements.Length)
        {
            return elements;
        }

        var events = new JsonElement[objects];
        var next = 0;
        foreach (var element in elements)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                events[next++] = element;
            }
        }

        return events;
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
