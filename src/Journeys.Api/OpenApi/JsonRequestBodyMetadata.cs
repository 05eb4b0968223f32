using Microsoft.AspNetCore.Http.Metadata;

namespace Journeys.Api.OpenApi;

/// <summary>
/// Documents a JSON request body of <see cref="RequestType"/> without restricting the route's content types.
/// <c>Accepts&lt;T&gt;("application/json")</c> would also make routing refuse other media types with a bare 415 before
/// the handler runs; the handler must stay the one to decide (<c>text/json</c> and <c>application/*+json</c> are
/// accepted, anything else is a 415 problem with a code). With no content types listed, routing ignores this
/// metadata and the OpenAPI generator documents the body as <c>application/json</c>.
/// </summary>
public sealed class JsonRequestBodyMetadata(Type requestType) : IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes => [];

    public Type? RequestType { get; } = requestType;

    public bool IsOptional => false;
}
