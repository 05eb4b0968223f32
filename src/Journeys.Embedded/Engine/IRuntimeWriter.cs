using Journeys.Core.Execution;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>
/// The embedded engine's single writer over its durable store. Used by one thread at a time (the engine loop),
/// synchronously: every state change of a loop iteration happens between <see cref="Begin"/> and
/// <see cref="Commit"/>, so a crash loses either nothing or the whole iteration, never half of it.
/// </summary>
public interface IRuntimeWriter : IDisposable
{
    RuntimeMeta LoadMeta();

    IReadOnlyList<PendingWork> LoadWork();

    /// <summary>The earliest wake time of an active instance, if any.</summary>
    DateTimeOffset? NextWake();

    void Begin();

    void Commit();

    void Rollback();

    /// <summary>
    /// Marks a point inside the open transaction (one event, one timer, one call result) that
    /// <see cref="RollbackToSavepoint"/> undoes back to, so that one failing item does not fail the whole iteration.
    /// Not nested: each savepoint is released or rolled back before the next.
    /// </summary>
    void Savepoint();

    /// <summary>Keeps what was written since <see cref="Savepoint"/> (as part of the open transaction).</summary>
    void ReleaseSavepoint();

    /// <summary>Undoes everything written since <see cref="Savepoint"/>; the transaction stays open.</summary>
    void RollbackToSavepoint();

    /// <summary>False when the key was already recorded (a duplicate delivery).</summary>
    bool TryRecordEventKey(string eventId, string eventKey, DateTimeOffset now);

    /// <summary>Forgets event keys recorded before <paramref name="olderThan"/>; returns how many.</summary>
    int PurgeEventKeys(DateTimeOffset olderThan, int limit);

    InstanceState? FindActive(string journeyId, string profileId);

    /// <summary>Whether the profile has an active instance in the journey (what entry rules ask), without reading its state.</summary>
    bool IsActive(string journeyId, string profileId);

    InstanceState? Get(string instanceId);

    DateTimeOffset? LastExit(string journeyId, string profileId);

    /// <summary>Active instances whose wake time has come, earliest first.</summary>
    IReadOnlyList<InstanceState> Due(DateTimeOffset now, int limit);

    IReadOnlyList<InstanceState> ActiveOf(string journeyId);

    /// <summary>Inserts or replaces the instance.</summary>
    void Save(InstanceState state);

    void AppendSteps(string instanceId, IReadOnlyList<StepEvent> events);

    long EnqueueWork(InstanceState state, JourneyCommand command, DateTimeOffset now);

    void DeleteWork(long workId);

    void SetLastExit(string journeyId, string profileId, DateTimeOffset exitedAt);

    void AddCounters(IReadOnlyDictionary<CounterKey, long> deltas);

    void SaveMeta(long nextInstance, DateTimeOffset journeyClock);
}
