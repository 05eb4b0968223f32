using Journeys.Api.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Journeys.Api.OpenApi;

/// <summary>
/// Response metadata for the OpenAPI document. The handlers read <see cref="HttpRequest"/> themselves (so that an
/// Azure Functions trigger can call them), which leaves nothing for the generator to infer: each route states its
/// body type with <see cref="AcceptsJson{T}"/>, its success responses with <c>Produces&lt;T&gt;</c> and its problem statuses
/// with <see cref="ProducesProblems"/>.
/// </summary>
public static class RouteDocumentation
{
    public const string Json = "application/json";

    public const string ProblemJson = "application/problem+json";

    /// <summary>A JSON request body of type <typeparamref name="T"/> (see <see cref="JsonRequestBodyMetadata"/> for why not <c>Accepts&lt;T&gt;</c>).</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new JsonRequestBodyMetadata(typeof(T)));
    }

    /// <summary>
    /// Problem responses with these statuses, described by <see cref="ProblemDocument"/> (the RFC 7807 fields and the
    /// <c>errors</c> array), not by the framework's <c>ProblemDetails</c>, which has no <c>errors</c>.
    /// </summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            builder.Produces<ProblemDocument>(status, ProblemJson);
        }

        return builder;
    }
}
