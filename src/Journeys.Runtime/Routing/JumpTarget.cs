using Journeys.Core.Model;

using Journeys.Runtime.Hosting;

namespace Journeys.Runtime.Routing;

/// <summary>The live version of a jump's target journey and its re-entry rules, as the entry gate needs them.</summary>
public sealed record JumpTarget(string JourneyId, int Version, ReentryPolicy? Reentry);
