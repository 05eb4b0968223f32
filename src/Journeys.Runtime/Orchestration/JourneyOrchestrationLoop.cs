using System.Text.Json;
using Journeys.Core.Execution;

namespace Journeys.Runtime.Orchestration;

/// <summary>
/// Drives one instance through the pure <see cref="JourneyStepper"/> inside a Durable-like orchestration: each
/// command becomes one port call (activity, durable timer, external event raced against a timer), each result the
/// next step input, and each step's events one record activity. Everything the loop reads comes from the port, so
/// replaying the same history issues the same calls in the same order (the Durable replay guarantee).
/// </summary>
public static class JourneyOrchestrationLoop
{
    public static Task<OrchestrationResult> RunAsync(IOrchestrationPort port, CompiledJourney journey, OrchestrationInput input) =>
        RunAsync(port, journey, input, OrchestrationOptions.Default);

    public static Task<OrchestrationResult> RunAsync(IOrchestrationPort port, CompiledJourney journey, OrchestrationInput input, OrchestrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(input.JourneyId, journey.JourneyId, StringComparison.Ordinal) || input.Version != journey.Version)
        {
            throw new ArgumentException(
                $"The input is for journey '{input.JourneyId}' version {input.Version}, not '{journey.JourneyId}' version {journey.Version}.", nameof(input));
        }

        if (input.State is null && input.Entry is null)
        {
            throw new ArgumentException("An orchestration input needs either an entry event or a saved state.", nameof(input));
        }

        return new Run(port, journey, input, options).ExecuteAsync();
    }

    /// <summary>The state of one episode; one instance per <see cref="RunAsync(IOrchestrationPort, CompiledJourney, OrchestrationInput, OrchestrationOptions)"/> call.</summary>
    private sealed class Run(IOrchestrationPort port, CompiledJourney journey, OrchestrationInput input, OrchestrationOptions options)
    {
        private readonly int logic = OrchestrationLogic.Of(input);
        private readonly StepRules rules = OrchestrationLogic.StepRulesOf(OrchestrationLogic.Of(input));
        private InstanceState? state = input.State;
        private DateTimeOffset pendingSince = input.PendingSince ?? DateTimeOffset.MinValue;
        private int operations;

        public async Task<OrchestrationResult> ExecuteAsync()
        {
            var result = state is null
                ? Apply(new StartInput(input.Entry!.Value, input.ProfileId, input.InstanceId))
                : Apply(new ResumeInput());
            if (options.VersionStopped && result.NewState.Status == InstanceStatus.Active)
            {
                // The journey was stopped while this instance was not listening (or the stop event was lost).
                await RecordAsync(result);
                result = Apply(new StopInput());
            }

            while (true)
            {
                if (await RecordAsync(result) is { } ended)
                {
                    return new OrchestrationResult(ended.NewState, ContinuedAsNew: false);
                }

                if (StopRequested)
                {
                    // A stop raised while the last activity ran: the instance ends before its next node.
                    result = Apply(new StopInput());
                    continue;
                }

                var command = Current(result);
                if (operations >= options.MaxOperationsPerGeneration)
                {
                    return ContinueAsNew(command);
                }

                var next = await ExecuteAsync(command);
                if (next is null)
                {
                    return ContinueAsNew(command);
                }

                result = next;
            }
        }

        /// <summary>Records a changed step; returns the result when the instance has ended (nothing more to do).</summary>
        private async Task<StepResult?> RecordAsync(StepResult result)
        {
            if (result.StateChanged && result.Events.Count > 0)
            {
                await port.RecordStepsAsync(StepRecord.From(result.NewState, result.Events));
                operations++;
            }

            return result.NewState.Status == InstanceStatus.Active ? null : result;
        }

        /// <summary>The command to carry out: the step's, or the one the instance still waits on when the input was ignored.</summary>
        private JourneyCommand Current(StepResult result) => result.Command is NoCommand
            ? result.NewState.Pending ?? throw new InvalidOperationException(
                $"Instance '{result.NewState.InstanceId}' is active but waits on nothing.")
            : result.Command;

        private StepResult Apply(StepInput stepInput)
        {
            var now = port.UtcNow;
            var result = JourneyStepper.Step(journey, state, stepInput, now, rules);
            if (result.StateChanged)
            {
                pendingSince = now;
            }

            state = result.NewState;
            return result;
        }

        /// <summary>
        /// An activity's result, or the stop when one was raised while the activity ran: the embedded engine ends a
        /// stopped instance at once and ignores the call it had in flight, so the result is not applied here either.
        /// </summary>
        private StepResult ApplyUnlessStopped(StepInput completed) => Apply(StopRequested ? new StopInput() : completed);

        /// <summary>Logic 4 on: one stop wait for the whole execution, which an activity's result also consults.</summary>
        private bool SharedStop => logic >= OrchestrationLogic.StopWaitedOncePerExecution;

        /// <summary>A stop was received (only with the shared stop wait: before, only a wait saw a stop, and reading it would add a call).</summary>
        private bool StopRequested => SharedStop && port.StopRequested;

        /// <summary>Carries out one command; null when the history grew long while waiting (continue as new, still waiting).</summary>
        private async Task<StepResult?> ExecuteAsync(JourneyCommand command)
        {
            switch (command)
            {
                case CallActionCommand call:
                    var action = await port.CallActionAsync(
                        new ActionCallRequest(journey.JourneyId, journey.Version, call.NodeId, call.ActionId, call.Params, call.IdempotencyKey));
                    operations++;
                    return ApplyUnlessStopped(action);

                case FetchDataCommand fetch:
                    var data = await port.FetchDataAsync(
                        new DataFetchRequest(journey.JourneyId, journey.Version, fetch.NodeId, fetch.Source, fetch.Group, fetch.Path));
                    operations++;
                    return ApplyUnlessStopped(data);

                case JumpCommand jump:
                    var outcome = await port.JumpAsync(
                        new JumpRequest(journey.JourneyId, jump.TargetJourneyId, state!.ProfileId, jump.Entry, port.UtcNow));
                    operations++;
                    return ApplyUnlessStopped(new JumpCompletedInput(outcome));

                case StartTimerCommand timer:
                    var waited = await port.WaitAsync(new WaitRequest(timer.WakeAt, SharedStop: SharedStop));
                    operations++;
                    return Apply(waited.Kind == WaitOutcomeKind.StopRequested ? new StopInput() : new TimerFiredInput(timer.WakeAt));

                case WaitForEventCommand wait:
                    return await WaitForEventAsync(wait);

                default:
                    throw new InvalidOperationException($"The loop cannot carry out a {command.GetType().Name}.");
            }
        }

        /// <summary>
        /// Waits for a correlating event until the timeout. Events that do not move the instance (stale, not
        /// correlating) leave the stepper unchanged and the wait goes on for the remaining time.
        /// </summary>
        private async Task<StepResult?> WaitForEventAsync(WaitForEventCommand wait)
        {
            var request = new WaitRequest(wait.TimeoutAt, OrchestrationEvents.ForEvent(wait.EventId), SharedStop);

            // Logic 1 (instances started before it changed) raced a new timer and stop wait for every event it
            // ignored; its histories must replay with the very same calls, so it keeps doing that.
            using var events = logic >= OrchestrationLogic.TimerKeptAcrossIgnoredEvents ? port.BeginEventWait(request) : null;
            while (true)
            {
                var outcome = events is null ? await port.WaitAsync(request) : await events.NextAsync();
                operations++;
                switch (outcome.Kind)
                {
                    case WaitOutcomeKind.StopRequested:
                        return Apply(new StopInput());
                    case WaitOutcomeKind.TimerFired:
                        return Apply(new TimerFiredInput(wait.TimeoutAt));
                }

                if (Envelope(outcome.Payload) is { } envelope
                    && string.Equals(envelope.EventId, wait.EventId, StringComparison.Ordinal)
                    && envelope.RaisedAt >= pendingSince)
                {
                    var result = Apply(new EventReceivedInput(envelope.EventId, envelope.Event));
                    if (result.StateChanged)
                    {
                        return result;
                    }
                }

                if (operations >= options.MaxOperationsPerGeneration)
                {
                    return null;
                }
            }
        }

        private OrchestrationResult ContinueAsNew(JourneyCommand command)
        {
            var current = state!;
            // Events buffered while nobody waited are stale by the RaisedAt rule, so they may go, unless the instance
            // is waiting for an event right now: then one raised during the restart must survive it.
            port.ContinueAsNew(
                input with { State = current, Entry = null, PendingSince = pendingSince, Generation = input.Generation + 1 },
                preserveUnprocessedEvents: command is WaitForEventCommand);
            return new OrchestrationResult(current, ContinuedAsNew: true);
        }

        private static EventEnvelope? Envelope(string? payload)
        {
            if (payload is null)
            {
                return null;
            }

            try
            {
                return OrchestrationJson.DeserializeEnvelope(payload);
            }
            catch (JsonException)
            {
                return null; // Not raised by routing: ignored like any event that does not fit.
            }
        }
    }
}
