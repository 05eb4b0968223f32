using Journeys.Core.Execution;
using Journeys.Embedded.Engine;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>
/// The engine's storage port with one fault: saving an active instance of <see cref="PoisonProfile"/> (that also meets
/// <see cref="FaultWhen"/>) throws, as a bug or a corrupt row would (while <see cref="Armed"/>). Everything else goes
/// to the real SQLite writer.
/// </summary>
internal sealed class FaultyWriter(IRuntimeWriter inner) : IRuntimeWriter
{
    public const string PoisonProfile = "poison";

    public RuntimeMeta LoadMeta() => inner.LoadMeta();

    public IReadOnlyList<PendingWork> LoadWork() => inner.LoadWork();

    public DateTimeOffset? NextWake() => inner.NextWake();

    public void Begin() => inner.Begin();

    public void Commit() => inner.Commit();

    public void Rollback() => inner.Rollback();

    public void Savepoint() => inner.Savepoint();

    public void ReleaseSavepoint() => inner.ReleaseSavepoint();

    public void RollbackToSavepoint() => inner.RollbackToSavepoint();

    public bool TryRecordEventKey(string eventId, string eventKey, DateTimeOffset now) => inner.TryRecordEventKey(eventId, eventKey, now);

    public int PurgeEventKeys(DateTimeOffset olderThan, int limit) => inner.PurgeEventKeys(olderThan, limit);

    public InstanceState? FindActive(string journeyId, string profileId) => inner.FindActive(journeyId, profileId);

    public bool IsActive(string journeyId, string profileId) => inner.IsActive(journeyId, profileId);

    public InstanceState? Get(string instanceId) => inner.Get(instanceId);

    public DateTimeOffset? LastExit(string journeyId, string profileId) => inner.LastExit(journeyId, profileId);

    public IReadOnlyList<InstanceState> Due(DateTimeOffset now, int limit) => inner.Due(now, limit);

    public IReadOnlyList<InstanceState> ActiveOf(string journeyId) => inner.ActiveOf(journeyId);

    /// <summary>Off: saves of the poison profile go through (to let it enter before its timer is poisoned).</summary>
    public bool Armed { get; set; } = true;

    /// <summary>Narrows the fault to some states of the poison profile (e.g. one node); null: every active state.</summary>
    public Func<InstanceState, bool>? FaultWhen { get; set; }

    public void Save(InstanceState state)
    {
        inner.Save(state);
        if (Armed && state.ProfileId == PoisonProfile && state.Status == InstanceStatus.Active && (FaultWhen?.Invoke(state) ?? true))
        {
            // After the write, so that a missing rollback would leave the row behind for the test to see.
            throw new InvalidOperationException("injected storage fault for the poison profile");
        }
    }

    public void AppendSteps(string instanceId, IReadOnlyList<StepEvent> events) => inner.AppendSteps(instanceId, events);

    public long EnqueueWork(InstanceState state, JourneyCommand command, DateTimeOffset now) => inner.EnqueueWork(state, command, now);

    public void DeleteWork(long workId) => inner.DeleteWork(workId);

    public void SetLastExit(string journeyId, string profileId, DateTimeOffset exitedAt) => inner.SetLastExit(journeyId, profileId, exitedAt);

    public void AddCounters(IReadOnlyDictionary<CounterKey, long> deltas) => inner.AddCounters(deltas);

    public void SaveMeta(long nextInstance, DateTimeOffset journeyClock) => inner.SaveMeta(nextInstance, journeyClock);

    public void Dispose() => inner.Dispose();
}
