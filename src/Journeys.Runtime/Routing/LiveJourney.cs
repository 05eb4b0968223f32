using Journeys.Core.Execution;
using Journeys.Core.Model;

using Journeys.Runtime.Hosting;

namespace Journeys.Runtime.Routing;

/// <summary>The live version of a journey, compiled, as entry routing needs it.</summary>
public sealed record LiveJourney(CompiledJourney Compiled, ReentryPolicy? Reentry)
{
    public string JourneyId => Compiled.JourneyId;

    public int Version => Compiled.Version;
}
