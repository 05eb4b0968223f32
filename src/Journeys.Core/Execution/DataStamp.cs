namespace Journeys.Core.Execution;

/// <summary>When an instance last fetched one data-source field group, for <c>cacheSeconds</c> expiry.</summary>
public sealed record DataStamp(string Source, string Group, DateTimeOffset FetchedAt);
