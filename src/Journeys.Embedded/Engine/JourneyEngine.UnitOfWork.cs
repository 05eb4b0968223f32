using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Core.Routing;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

public sealed partial class JourneyEngine
{
    /// <summary>
    /// The state changes of one loop iteration, all through the writer inside its open transaction. Implements the
    /// routing port so the embedded host routes with exactly the code the Azure host uses.
    /// </summary>
    private sealed class UnitOfWork(JourneyEngine engine, IRuntimeWriter store, DateTimeOffset now) : IRoutingContext
    {
        // The counter deltas of one isolated piece of work (an event, a timer, a finished call), see IsolatedAsync.
        private readonly ReportCounters eventCounters = new();
        private ReportCounters counters = engine.counters;

        /// <summary>The code of the error step of an instance the engine itself could not step.</summary>
        private const string EngineFailureCode = "ENGINE_FAILURE";

        /// <summary>The code of the error step of an instance whose version no longer compiles when its timer or call comes back.</summary>
        private const string JourneyUnavailableCode = "JOURNEY_UNAVAILABLE";

        public List<PendingWork> NewWork { get; } = [];

        public async Task<IReadOnlyList<IngestResult>?> ApplyAsync(EngineRequest request)
        {
            switch (request)
            {
                case EngineRequest.Ingest ingest:
                    var results = new IngestResult[ingest.Events.Count];
                    for (var i = 0; i < results.Length; i++)
                    {
                        results[i] = await RouteIsolatedAsync(ingest.Events[i]);
                    }

                    return results;
                case EngineRequest.WorkDone done:
                    store.DeleteWork(done.Work.WorkId);
                    if (store.Get(done.Work.InstanceId) is { } state)
                    {
                        await StepIsolatedAsync(state, "finished call", () => StepAsync(state, done.Input));
                    }

                    return null;
                case EngineRequest.StopInstances stop:
                    foreach (var active in store.ActiveOf(stop.JourneyId))
                    {
                        if (stop.Versions is null || stop.Versions.Contains(active.Version))
                        {
                            await StepAsync(active, new StopInput());
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// Routes one event inside its own savepoint (<see cref="IsolatedAsync"/>): when applying it throws, only this
        /// event is undone and answered with the error; the batch's other events are applied. One bad event never makes a
        /// producer resend the good ones.
        /// </summary>
        private Task<IngestResult> RouteIsolatedAsync(JsonElement rawEvent) =>
            IsolatedAsync(
                async () => await EventRouter.RouteAsync(engine.routing, rawEvent, this, now),
                ex =>
                {
                    LogEventFailed(engine.logger, ex);
                    return new IngestResult { Error = $"the event could not be applied and nothing of it was kept: {ex.GetType().Name}: {ex.Message}" };
                });

        public async Task FireDueTimersAsync(int limit)
        {
            foreach (var state in store.Due(now, limit))
            {
                // A timer whose step throws would otherwise fail every iteration from now on (due timers are part of
                // each), and with it every ingest request.
                await StepIsolatedAsync(state, "timer", async () =>
                {
                    if (!await StepAsync(state, new TimerFiredInput(state.WakeAt!.Value)))
                    {
                        // The stepper did not take this timer; clear it rather than fire it again forever.
                        store.Save(state with { WakeAt = null });
                    }
                });
            }
        }

        /// <summary>
        /// Applies one step of one instance (a due timer, a finished call) inside its own savepoint: when it throws,
        /// the instance ends errored with the reason, so that it is neither retried forever nor left waiting, and the
        /// iteration's other work is applied.
        /// </summary>
        private Task StepIsolatedAsync(InstanceState state, string what, Func<Task> step) =>
            IsolatedAsync(
                async () =>
                {
                    await step();
                    return true;
                },
                ex =>
                {
                    LogStepFailed(engine.logger, what, state.InstanceId, ex);
                    End(state, InstanceStatus.Errored, EngineFailureCode, $"The engine could not apply this instance's {what}: {ex.GetType().Name}: {ex.Message}");
                    return false;
                });

        /// <summary>
        /// Runs <paramref name="apply"/> inside a savepoint of the iteration's transaction, with counter deltas of its
        /// own: when it throws (a bug, a corrupt row), only what it did is undone (rows, counters, queued calls,
        /// instance ids) and <paramref name="undone"/> answers instead (what that writes is kept). Should the rollback
        /// itself fail, the transaction is unusable: that throws and fails the iteration.
        /// </summary>
        private async Task<T> IsolatedAsync<T>(Func<Task<T>> apply, Func<Exception, T> undone)
        {
            var workCount = NewWork.Count;
            var nextInstance = engine.nextInstance;
            store.Savepoint();
            eventCounters.Clear();
            counters = eventCounters;
            try
            {
                T result;
                try
                {
                    result = await apply();
                    store.ReleaseSavepoint();
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    store.RollbackToSavepoint();
                    NewWork.RemoveRange(workCount, NewWork.Count - workCount);
                    engine.nextInstance = nextInstance;
                    eventCounters.Clear();
                    result = undone(ex);
                }

                engine.counters.Add(eventCounters);
                return result;
            }
            finally
            {
                counters = engine.counters;
            }
        }

        /// <summary>
        /// Ends an instance without the stepper (which needs its compiled version), as the stepper ends one: an error step
        /// when there is a reason, resumed, exited, ended; so that it is counted and its history says why instead of it
        /// being retried forever or left waiting.
        /// </summary>
        private void End(InstanceState state, InstanceStatus final, string? code, string? message)
        {
            var sequence = state.Sequence;
            var outcome = ExecutionNames.Of(final);
            var events = new List<StepEvent>();
            if (code is not null)
            {
                events.Add(new StepEvent(++sequence, StepEventKind.Error, state.Node, now) { Code = code, Message = message });
            }

            if (state.Waiting != WaitKind.None)
            {
                events.Add(new StepEvent(++sequence, StepEventKind.Resumed, state.Node, now) { Outcome = outcome });
            }

            events.Add(new StepEvent(++sequence, StepEventKind.Exited, state.Node, now));
            events.Add(new StepEvent(++sequence, StepEventKind.Ended, state.Node, now) { Outcome = outcome });
            var ended = state with
            {
                Status = final,
                EndedAt = now,
                WakeAt = null,
                Waiting = WaitKind.None,
                Pending = null,
                PendingData = null,
                Sequence = sequence,
            };
            store.Save(ended);
            store.AppendSteps(state.InstanceId, events);
            counters.Apply(state.JourneyId, state.Version, events);
            store.SetLastExit(state.JourneyId, state.ProfileId, now);
        }

        public ValueTask<bool> TryRecordEventKeyAsync(string eventId, string eventKey, DateTimeOffset at) =>
            ValueTask.FromResult(store.TryRecordEventKey(eventId, eventKey, at));

        public ValueTask<bool> IsActiveAsync(string journeyId, string profileId) =>
            ValueTask.FromResult(store.IsActive(journeyId, profileId));

        public ValueTask<DateTimeOffset?> LastExitAsync(string journeyId, string profileId) =>
            ValueTask.FromResult(store.LastExit(journeyId, profileId));

        public async ValueTask StartAsync(LiveJourney journey, string profileId, JsonElement entryEvent, DateTimeOffset at)
        {
            var result = JourneyStepper.Start(journey.Compiled, new StartInput(entryEvent, profileId, engine.NewInstanceId()), at);
            await HandleAsync(journey.Compiled, result);
        }

        public async ValueTask<bool> ResumeAsync(string journeyId, string profileId, string eventId, JsonElement rawEvent, DateTimeOffset at)
        {
            if (store.FindActive(journeyId, profileId) is not { Pending: WaitForEventCommand waiting } state || waiting.EventId != eventId)
            {
                return false;
            }

            return await StepAsync(state, new EventReceivedInput(eventId, rawEvent));
        }

        public ValueTask<int?> WaitingVersionAsync(string journeyId, string profileId, string eventId) =>
            ValueTask.FromResult(store.FindActive(journeyId, profileId) is { Pending: WaitForEventCommand waiting } state && waiting.EventId == eventId
                ? state.Version
                : (int?)null);

        public void Discarded(string journeyId, int version, DiscardReason reason) => counters.Discarded(journeyId, version, reason);

        public void Unmatched() => counters.Unmatched();

        /// <summary>Steps one instance; false when the stepper ignored the input.</summary>
        private async Task<bool> StepAsync(InstanceState state, StepInput input)
        {
            var compiled = engine.routing.FindCompiled(state.JourneyId, state.Version)
                ?? await engine.routing.GetCompiledAsync(engine.catalog, state.JourneyId, state.Version);
            if (compiled is null)
            {
                // The version no longer compiles against the configuration (changed behind the catalog's checks). An
                // event is answered by the router with a journeyUnavailable discard and the instance keeps waiting; a
                // stop still stops it; a timer or a finished call cannot wait, so the instance ends errored with why.
                switch (input)
                {
                    case EventReceivedInput:
                        return false;
                    case StopInput:
                        End(state, InstanceStatus.Stopped, null, null);
                        return true;
                    default:
                        var reason = engine.routing.UnavailableVersions.GetValueOrDefault((state.JourneyId, state.Version)) ?? "the version is not in the catalog";
                        End(state, InstanceStatus.Errored, JourneyUnavailableCode, $"Version {state.Version} of journey '{state.JourneyId}' cannot run: {reason}");
                        return true;
                }
            }

            var result = JourneyStepper.Step(compiled, state, input, now);
            if (!result.StateChanged)
            {
                return false;
            }

            await HandleAsync(compiled, result);
            return true;
        }

        private async Task HandleAsync(CompiledJourney compiled, StepResult result)
        {
            while (true)
            {
                var state = result.NewState;
                store.Save(state);
                if (result.Events.Count > 0)
                {
                    store.AppendSteps(state.InstanceId, result.Events);
                    counters.Apply(state.JourneyId, state.Version, result.Events);
                    EngineLog.StepFailures(engine.logger, state, result.Events);
                }

                if (state.Status != InstanceStatus.Active)
                {
                    store.SetLastExit(state.JourneyId, state.ProfileId, state.EndedAt ?? now);
                }

                switch (result.Command)
                {
                    case CallActionCommand or FetchDataCommand:
                        var workId = store.EnqueueWork(state, result.Command, now);
                        NewWork.Add(new PendingWork(workId, state.InstanceId, state.JourneyId, state.Version, result.Command));
                        return;
                    case JumpCommand jump:
                        var outcome = await JumpAsync(jump, state.ProfileId);
                        result = JourneyStepper.Step(compiled, state, new JumpCompletedInput(outcome), now);
                        if (!result.StateChanged)
                        {
                            return;
                        }

                        continue;
                    default:
                        return;
                }
            }
        }

        /// <summary>A jump is an entry into the target's live version through the entry gate, in the same transaction.</summary>
        private async Task<JumpOutcome> JumpAsync(JumpCommand jump, string profileId)
        {
            var live = engine.routing.LiveByJourney.GetValueOrDefault(jump.TargetJourneyId);
            var target = live is null ? null : new JumpTarget(live.JourneyId, live.Version, live.Reentry);
            return await EntryGate.JumpAsync(this, target, profileId, now, async () =>
            {
                await StartAsync(live!, profileId, jump.Entry, now);
                return true;
            });
        }
    }
}
