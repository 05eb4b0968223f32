using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>What the engine loop is asked to do; each is applied inside the loop's transaction.</summary>
internal abstract record EngineRequest
{
    public sealed record Ingest(IReadOnlyList<JsonElement> Events, TaskCompletionSource<IReadOnlyList<IngestResult>> Completion) : EngineRequest;

    public sealed record WorkDone(PendingWork Work, StepInput Input) : EngineRequest;

    public sealed record StopInstances(string JourneyId, IReadOnlySet<int>? Versions, TaskCompletionSource Completion) : EngineRequest;
}
