namespace Journeys.Serialization;

/// <summary>One problem with a request body: a stable code, the JSON path it concerns, and a readable message.</summary>
public sealed record ContractError(string Code, string Path, string Message);
