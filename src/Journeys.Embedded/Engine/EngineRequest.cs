using System.Text.Json;
using Journeys.Execution;
using Journeys.Ingestion;

namespace Journeys.Engine;

/// <summary>What the engine loop is asked to do; each is applied inside the loop's transaction.</summary>
internal abstract record EngineRequest
{
    public sealed record Ingest(IReadOnlyList<JsonElement> Events, TaskCompletionSource<IReadOnlyList<IngestResult>> Completion) : EngineRequest;

    public sealed record WorkDone(PendingWork Work, StepInput Input) : EngineRequest;

    public sealed record StopInstances(string JourneyId, IReadOnlySet<int>? Versions, TaskCompletionSource Completion) : EngineRequest;
}
