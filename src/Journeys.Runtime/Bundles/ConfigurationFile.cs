using Journeys.Core.Serialization;

namespace Journeys.Runtime.Bundles;

/// <summary>One configuration file: its id (the file name without <c>.json</c>), its kind, and its parsed body or errors.</summary>
public sealed record ConfigurationFile(string Path, string Id, ConfigurationKind Kind, object? Body, IReadOnlyList<ContractError> Errors);
