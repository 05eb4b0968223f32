namespace Journeys.Core.Serialization;

/// <summary>
/// One problem with a request body: a stable code, the JSON path it concerns, and a readable message; for a journey
/// validation problem also the node it concerns (as validate reports it), else null and left out of the document.
/// </summary>
public sealed record ContractError(string Code, string Path, string Message, string? Node = null);
