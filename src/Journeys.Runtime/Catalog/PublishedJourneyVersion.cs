using Journeys.Core.Model;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// One immutable published version, as the runtime executes it. Instances are shared from an in-memory cache:
/// callers must treat <see cref="Definition"/> as read-only. Status is deliberately absent (it changes); ask
/// <see cref="JourneyCatalog.GetAsync"/> for it.
/// </summary>
public sealed record PublishedJourneyVersion(string JourneyId, int Version, Journey Definition, DateTimeOffset PublishedAt);
