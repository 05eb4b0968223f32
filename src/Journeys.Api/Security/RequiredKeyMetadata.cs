namespace Journeys.Api.Security;

/// <summary>
/// Endpoint metadata naming the key a route needs, beside the <see cref="ApiKeyFilter"/> that enforces it, so that
/// the OpenAPI document can state each operation's security requirement from the same mapping.
/// </summary>
public sealed record RequiredKeyMetadata(ApiKeyRole Role);
