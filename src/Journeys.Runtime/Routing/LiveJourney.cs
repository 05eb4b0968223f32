using Journeys.Execution;
using Journeys.Model;

namespace Journeys.Engine;

/// <summary>The live version of a journey, compiled, as entry routing needs it.</summary>
public sealed record LiveJourney(CompiledJourney Compiled, ReentryPolicy? Reentry)
{
    public string JourneyId => Compiled.JourneyId;

    public int Version => Compiled.Version;
}
