using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace Journeys.Api.Http;

/// <summary>
/// A JSON response serialised with source-generated metadata (never reflection), with the optional <c>ETag</c>
/// (quoted per RFC 9110) and <c>Location</c> headers the catalog routes need.
/// </summary>
public sealed class JsonResponse<T> : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IContentTypeHttpResult
{
    private readonly JsonTypeInfo<T> typeInfo;

    public JsonResponse(int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        StatusCode = statusCode;
        Value = value;
        this.typeInfo = typeInfo;
    }

    public int StatusCode { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public T Value { get; }

    object? IValueHttpResult.Value => Value;

    public string ContentType => "application/json; charset=utf-8";

    /// <summary>The bare ETag token (as the catalog stores it); written quoted.</summary>
    public string? ETag { get; init; }

    public string? Location { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        if (ETag is not null)
        {
            response.Headers.ETag = ETagHeader.Format(ETag);
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        await JsonSerializer.SerializeAsync(response.Body, Value, typeInfo, httpContext.RequestAborted);
    }
}
