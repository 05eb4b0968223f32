using System.Text.Json;
using Journeys.Core.Serialization;
using Microsoft.AspNetCore.Http;

namespace Journeys.Api.Problems;

/// <summary>
/// An RFC 7807 <c>application/problem+json</c> response with the <c>errors</c> array of SPEC §6
/// (<c>code</c>, <c>path</c>, <c>message</c>, and <c>node</c> for journey validation problems). Written by hand so that both hosts emit the same bytes.
/// </summary>
public sealed class ProblemResult : IResult, IStatusCodeHttpResult
{
    public ProblemResult(int status, string title, IReadOnlyList<ContractError> errors, string? detail = null)
    {
        StatusCode = status;
        Title = title;
        Errors = errors;
        Detail = detail;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string Title { get; }

    public string? Detail { get; }

    public IReadOnlyList<ContractError> Errors { get; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "application/problem+json";
        await using var writer = new Utf8JsonWriter(httpContext.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        WriteTo(writer, httpContext.Request.Path);
        await writer.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>Writes the problem document; public so that other hosts and tests produce the same document.</summary>
    public void WriteTo(Utf8JsonWriter writer, string? instance)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", $"https://journeys.dev/problems/{(Errors.Count > 0 ? Errors[0].Code : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        writer.WriteString("title", Title);
        writer.WriteNumber("status", StatusCode);
        if (Detail is not null)
        {
            writer.WriteString("detail", Detail);
        }

        if (!string.IsNullOrEmpty(instance))
        {
            writer.WriteString("instance", instance);
        }

        writer.WriteStartArray("errors");
        foreach (var error in Errors)
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.Code);
            if (error.Node is not null)
            {
                writer.WriteString("node", error.Node);
            }

            writer.WriteString("path", error.Path);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
