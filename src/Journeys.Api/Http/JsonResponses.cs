using System.Text.Json.Serialization.Metadata;

namespace Journeys.Api.Http;

/// <summary>Short factories for <see cref="JsonResponse{T}"/>.</summary>
public static class JsonResponses
{
    public static JsonResponse<T> Ok<T>(T value, JsonTypeInfo<T> typeInfo, string? etag = null) =>
        new(200, value, typeInfo) { ETag = etag };

    /// <summary>200 when an existing item was replaced, 201 with <c>Location</c> when it was created.</summary>
    public static JsonResponse<T> Put<T>(bool created, string location, T value, JsonTypeInfo<T> typeInfo, string etag) =>
        new(created ? 201 : 200, value, typeInfo) { ETag = etag, Location = created ? location : null };
}
