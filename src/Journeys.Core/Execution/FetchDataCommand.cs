namespace Journeys.Core.Execution;

/// <summary>
/// Fetch one field group of a data source (the stepper asks for one group at a time, in the order the node's
/// expressions read them); answer with <see cref="DataFetchedInput"/>. <paramref name="Path"/> is the group's path
/// template already rendered for this instance, relative to the source's base URL.
/// </summary>
public sealed record FetchDataCommand(string NodeId, string Source, string Group, string Method, string Path, int? CacheSeconds) : JourneyCommand;
