using System.Text.Encodings.Web;
using System.Text.Json;
using Journeys.Runtime.Ingestion;
using Microsoft.AspNetCore.Http;

namespace Journeys.Api.Endpoints;

/// <summary>
/// The <c>POST /api/ingest</c> answer, <c>{"results":[…]}</c>, written result by result with one
/// <see cref="Utf8JsonWriter"/> straight into the response pipe: a batch of a thousand results is never built as
/// one object graph nor buffered whole. Each result is written by the source-generated contract, so the JSON is the
/// one <see cref="IngestResponse"/> serialises to, with the relaxed encoder every other answer uses (see
/// <see cref="Json.ApiJson"/>), so messages quote fields as <c>'cart.id'</c>.
/// </summary>
internal sealed class IngestResultsResponse(IReadOnlyList<IngestResult> results) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    /// <summary>Bytes written before the pipe is flushed to the connection, so a huge answer streams out.</summary>
    private const int FlushThreshold = 32 * 1024;

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public IReadOnlyList<IngestResult> Results => results;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        var pipe = response.BodyWriter;
        using var writer = new Utf8JsonWriter(pipe, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WritePropertyName("results"u8);
        writer.WriteStartArray();
        var typeInfo = IngestionJsonContext.Default.IngestResult;
        for (var index = 0; index < results.Count; index++)
        {
            JsonSerializer.Serialize(writer, results[index], typeInfo);
            if (writer.BytesPending >= FlushThreshold)
            {
                writer.Flush();
                await pipe.FlushAsync(httpContext.RequestAborted);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        await pipe.FlushAsync(httpContext.RequestAborted);
    }
}
