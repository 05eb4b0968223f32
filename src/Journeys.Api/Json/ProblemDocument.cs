using Journeys.Core.Serialization;

namespace Journeys.Api.Json;

/// <summary>
/// The shape of every <c>application/problem+json</c> answer (RFC 7807 with the <c>errors</c> array of SPEC §6), as
/// <see cref="Problems.ProblemResult"/> writes it. Used to describe problem responses in the OpenAPI document;
/// <c>detail</c> and <c>instance</c> are left out when there is none, so they are optional there (not constructor
/// parameters, which the schema would list as required and generated clients would then insist on).
/// </summary>
public sealed record ProblemDocument(string Type, string Title, int Status, IReadOnlyList<ContractError> Errors)
{
    public string? Detail { get; init; }

    public string? Instance { get; init; }
}
