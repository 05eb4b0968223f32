using System.Text.Json;
using System.Text.Unicode;
using Journeys.Api.Http;
using Journeys.Api.Problems;
using Journeys.Core.Serialization;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Routing;
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
            return Problems.Problems.BadRequest(ContractJson.MalformedJson, "$", IngestBodyChecks.MalformedMessage(body.Bytes.Span));
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
        var refusals = Refusals(elements, root.ValueKind == JsonValueKind.Array);
        var events = Routable(elements, refusals);
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
            results[index] = refusals?[index] is { } refusal ? new IngestResult { Error = refusal } : routed[next++];
        }

        return new IngestResultsResponse(results);
    }

    /// <summary>Why each element cannot be routed (not an object, a repeated property), or null when all can.</summary>
    private static string?[]? Refusals(JsonElement[] elements, bool inArray)
    {
        string?[]? refusals = null;
        for (var index = 0; index < elements.Length; index++)
        {
            var path = inArray ? $"$[{index}]" : "$";
            var refusal = elements[index].ValueKind != JsonValueKind.Object
                ? $"{path}: an event must be a JSON object, not {Describe(elements[index].ValueKind)}."
                : IngestBodyChecks.DuplicateProperty(elements[index], path);
            if (refusal is not null)
            {
                (refusals ??= new string?[elements.Length])[index] = refusal;
            }
        }

        return refusals;
    }

    /// <summary>The elements that can be routed; the array itself when all can.</summary>
    private static IReadOnlyList<JsonElement> Routable(JsonElement[] elements, string?[]? refusals)
    {
        if (refusals is null)
        {
            return elements;
        }

        var events = new List<JsonElement>(elements.Length);
        for (var index = 0; index < elements.Length; index++)
        {
            if (refusals[index] is null)
            {
                events.Add(elements[index]);
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
        var reader = new Utf8JsonReader(bytes.Span, new JsonReaderOptions { MaxDepth = IngestBodyChecks.MaxDepth });
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
