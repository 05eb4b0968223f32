namespace Journeys.Runtime.Connectors;

/// <summary>
/// One custom action call rendered from its templates: method, URL (with an apiKey query parameter when the auth
/// puts one there), the definition's headers and the body bytes. Auth headers and the <c>Idempotency-Key</c> are
/// added by whoever sends or records it.
/// </summary>
internal sealed record RenderedActionRequest(HttpMethod Method, Uri Uri, string Url, List<(string Name, string Value)> Headers, byte[]? Body);
