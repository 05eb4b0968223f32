using System.Text.Json;

namespace Journeys.Core.Execution;

/// <summary>
/// The response of a <see cref="FetchDataCommand"/>: the field group's body, or <paramref name="Error"/> (a short
/// reason) when the fetch failed.
/// </summary>
public sealed record DataFetchedInput(string Source, string Group, JsonElement? Body, string? Error = null) : StepInput;
