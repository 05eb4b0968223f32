namespace Journeys.Api.Json;

/// <summary>One problem in a validate response: <c>{ code, node, path, message }</c>; <c>node</c> is null for journey-level problems.</summary>
public sealed record ValidationIssueView(string Code, string? Node, string Path, string Message);
