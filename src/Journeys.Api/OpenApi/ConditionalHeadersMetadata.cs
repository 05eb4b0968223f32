namespace Journeys.Api.OpenApi;

/// <summary>
/// Endpoint metadata naming the conditional headers a route honours, so that the OpenAPI document can list them
/// (the handlers read the headers from <c>HttpRequest</c>, which the generator cannot see).
/// </summary>
/// <param name="IfMatch">The route honours <c>If-Match</c> (412 when it fails).</param>
/// <param name="IfNoneMatch">The route honours <c>If-None-Match</c> (304 on GET, 412 on writes).</param>
/// <param name="ETag">Its 200/201/304 responses carry the <c>ETag</c> header.</param>
public sealed record ConditionalHeadersMetadata(bool IfMatch, bool IfNoneMatch, bool ETag);
