using System.Text.Json;

namespace Journeys.Runtime.Orchestration;

/// <summary>
/// The payload raised to an instance for a routed event: the event id, when routing raised it (to recognise stale
/// events Durable buffered while the instance was not waiting) and the raw event.
/// </summary>
public sealed record EventEnvelope(string EventId, DateTimeOffset RaisedAt, JsonElement Event);
