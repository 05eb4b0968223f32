namespace Journeys.Runtime.Orchestration;

/// <summary>The input of the data activity: a <see cref="Journeys.Core.Execution.FetchDataCommand"/> with the version it belongs to.</summary>
public sealed record DataFetchRequest(string JourneyId, int Version, string NodeId, string Source, string Group, string Path);
