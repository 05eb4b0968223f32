using Journeys.Runtime.Catalog;

namespace Journeys.Api.Json;

/// <summary>
/// The body of <c>POST /api/journeys/{id}/close</c> and <c>/stop</c>: the journey's status now, its live version
/// (null after close or stop) and the versions this call closed or stopped (empty when it was already so).
/// </summary>
public sealed record LifecycleResponse(string Id, JourneyStatus Status, int? LiveVersion, IReadOnlyList<int> EndedVersions);
