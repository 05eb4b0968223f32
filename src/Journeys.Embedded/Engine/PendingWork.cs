using Journeys.Core.Execution;

using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>A command queued durably for execution outside the engine's transaction (an action call, a data fetch).</summary>
public sealed record PendingWork(long WorkId, string InstanceId, string JourneyId, int Version, JourneyCommand Command);
