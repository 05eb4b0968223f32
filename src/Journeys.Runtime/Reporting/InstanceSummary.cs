using Journeys.Core.Execution;

namespace Journeys.Runtime.Reporting;

/// <summary>An earlier instance of a profile in a journey, without its history.</summary>
public sealed record InstanceSummary(string InstanceId, int Version, InstanceStatus Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);
