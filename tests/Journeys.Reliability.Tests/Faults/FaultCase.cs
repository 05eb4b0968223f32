using Journeys.TestSupport.Connectors;

namespace Journeys.Reliability.Tests.Faults;

/// <summary>
/// One misbehaving endpoint and what the engine must make of it, written from SPEC §5 and docs/connectors.md:
/// attempts the endpoint sees per instance, the action status and status code recorded, how the instance ends,
/// the branch it leaves by and the error code.
/// </summary>
internal sealed record FaultCase(
    string Name,
    bool IsDataSource,
    Func<RecordedRequest, int, ScriptedReply> Script,
    int TimeoutMs,
    bool HasErrorNext,
    int AttemptsPerInstance,
    string? ActionStatus,
    int? StatusCode,
    bool Errored,
    string? Branch,
    string? ErrorCode);
