using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Routing;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Runtime.Simulation;

/// <summary>
/// Runs one journey version against a scenario in virtual time (SPEC §8). The scenario's events are routed with the
/// hosts' <see cref="EventRouter"/> and every instance is moved by the hosts' <see cref="JourneyStepper"/>; the
/// clock jumps from one due item (event, timer, finished call) to the next and never sleeps. Data sources and
/// actions are answered by the scenario's stubs, rendered with the connectors' own templates and judged by their
/// own outcome rules (timeouts, retries, <c>capPerMinute</c>). Nothing is stored, counted live or sent: the same
/// setup and scenario always give the same result, byte for byte.
/// </summary>
public static class JourneySimulator
{
    /// <summary>Instance ids are <c>sim-</c> and a fixed-width counter, so they (and idempotency keys) are stable.</summary>
    public const string InstanceIdPrefix = "sim-";

    /// <exception cref="SimulationLimitException">The run needed more stepper calls than the limits allow.</exception>
    public static async Task<SimulationResult> RunAsync(SimulationSetup setup, Scenario scenario, SimulationLimits? limits = null, ConnectorOptions? connectorOptions = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(scenario);
        var run = new Run(setup, scenario, limits ?? new SimulationLimits(), connectorOptions ?? new ConnectorOptions());
        return await run.ExecuteAsync().ConfigureAwait(false);
    }

    /// <summary>The answer as JSON (UTF-8), as the route sends it.</summary>
    public static byte[] Serialize(SimulationResult result) =>
        JsonSerializer.SerializeToUtf8Bytes(result, SimulationJsonContext.Default.SimulationResult);

    /// <summary>One simulation; it is also the routing port, so events are routed exactly as on ingest.</summary>
    private sealed class Run : IRoutingContext
    {
        /// <summary>The embedded engine's default de-duplication window (EngineOptions.EventKeyRetention).</summary>
        private static readonly TimeSpan EventKeyRetention = TimeSpan.FromDays(7);

        private readonly CompiledJourney journey;
        private readonly RoutingTable routing;
        private readonly Scenario scenario;
        private readonly SimulationLimits limits;
        private readonly ConnectorOptions connectorOptions;
        private readonly VirtualClock clock;
        private readonly InMemoryActionCallLimiter capLimiter;
        private readonly PriorityQueue<Item, (DateTimeOffset At, long Sequence)> agenda = new();
        private readonly List<SimInstance> instances = [];
        private readonly Dictionary<string, SimInstance> active = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> lastExits = new(StringComparer.Ordinal);
        private readonly Dictionary<(string EventId, string Key), DateTimeOffset> eventKeys = [];
        private readonly Dictionary<string, int> stubCursors = new(StringComparer.Ordinal);
        private readonly Dictionary<CustomAction, ActionRequestTemplate> templates = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<(string Group, string Profile), (JsonElement? Body, string? Error)> fetchAnswers = [];
        private readonly Dictionary<ActionStub, byte[]> stubBodies = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<(CustomAction, ActionStub), ActionOutcome> stubOutcomes = new(StubKeyComparer.Instance);
        private readonly List<SimulatedDiscard> discarded = [];
        private readonly ReportCounters counters = new();
        private long sequence;
        private long steps;
        private DateTimeOffset now;

        public Run(SimulationSetup setup, Scenario scenario, SimulationLimits limits, ConnectorOptions connectorOptions)
        {
            journey = setup.Journey;
            routing = setup.Routing;
            this.scenario = scenario;
            this.limits = limits;
            this.connectorOptions = connectorOptions;
            now = scenario.Start;
            clock = new VirtualClock(now);
            capLimiter = new InMemoryActionCallLimiter(clock);
        }

        public async Task<SimulationResult> ExecuteAsync()
        {
            var lastOffset = TimeSpan.Zero;
            foreach (var scenarioEvent in scenario.Events)
            {
                Schedule(scenario.Start + scenarioEvent.Offset, new Item(ItemKind.Event, null, scenarioEvent, null, default));
                lastOffset = scenarioEvent.Offset > lastOffset ? scenarioEvent.Offset : lastOffset;
            }

            // By default every instance may run to its journey timeout, however late its entry event came.
            var end = scenario.Start + (scenario.Until ?? lastOffset + journey.Timeout);
            while (agenda.TryDequeue(out var item, out var priority))
            {
                if (priority.At > end)
                {
                    break;
                }

                now = priority.At;
                clock.Now = now;
                switch (item.Kind)
                {
                    case ItemKind.Event:
                        await RouteAsync(item.Event!).ConfigureAwait(false);
                        break;
                    case ItemKind.Timer:
                        // Only the timer the instance waits on now fires; one left behind by an earlier park is stale.
                        if (item.Instance!.State.Status == InstanceStatus.Active && item.Instance.State.WakeAt == item.WakeAt)
                        {
                            Step(item.Instance, new TimerFiredInput(item.WakeAt));
                        }

                        break;
                    default:
                        Step(item.Instance!, item.Input!);
                        break;
                }
            }

            var stoppedAt = end < now ? now : end;
            return new SimulationResult
            {
                Journey = journey.JourneyId,
                Version = journey.Version,
                Instances = instances.Select(instance => instance.ToResult()).ToList(),
                Discarded = discarded,
                Report = ReportBuilder.BuildVersion(journey.JourneyId, journey.Version, "simulated", counters.Deltas),
                EndedAt = stoppedAt,
                Steps = steps,
            };
        }

        private async Task RouteAsync(ScenarioEvent scenarioEvent)
        {
            var result = await EventRouter.RouteAsync(routing, scenarioEvent.Event, this, now).ConfigureAwait(false);
            if (result.Matched.Count == 0)
            {
                discarded.Add(new SimulatedDiscard
                {
                    EventIndex = scenarioEvent.Index,
                    At = now,
                    Reason = "unmatched",
                    Message = result.Error ?? "No event definition matches this event.",
                });
                return;
            }

            foreach (var discard in result.Discarded)
            {
                discarded.Add(new SimulatedDiscard
                {
                    EventIndex = scenarioEvent.Index,
                    At = now,
                    Reason = ReportCounters.ReasonName(discard.Reason),
                    Event = discard.Event,
                    Journey = discard.Journey,
                    Message = discard.Message,
                });
            }
        }

        public ValueTask<bool> TryRecordEventKeyAsync(string eventId, string eventKey, DateTimeOffset at)
        {
            if (eventKeys.TryGetValue((eventId, eventKey), out var seen) && at - seen < EventKeyRetention)
            {
                return ValueTask.FromResult(false);
            }

            eventKeys[(eventId, eventKey)] = at;
            return ValueTask.FromResult(true);
        }

        public ValueTask<bool> IsActiveAsync(string journeyId, string profileId) =>
            ValueTask.FromResult(IsOurs(journeyId) && active.ContainsKey(profileId));

        public ValueTask<DateTimeOffset?> LastExitAsync(string journeyId, string profileId) =>
            ValueTask.FromResult(IsOurs(journeyId) && lastExits.TryGetValue(profileId, out var exit) ? exit : (DateTimeOffset?)null);

        public ValueTask StartAsync(LiveJourney live, string profileId, JsonElement entryEvent, DateTimeOffset at)
        {
            var instanceId = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{InstanceIdPrefix}{instances.Count + 1:x8}");
            var instance = new SimInstance(profileId, instanceId);
            instances.Add(instance);
            active[profileId] = instance;
            CountStep();
            Handle(instance, JourneyStepper.Start(journey, new StartInput(entryEvent, profileId, instanceId), now));
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> ResumeAsync(string journeyId, string profileId, string eventId, JsonElement rawEvent, DateTimeOffset at)
        {
            if (!IsOurs(journeyId) || !active.TryGetValue(profileId, out var instance)
                || instance.State.Pending is not WaitForEventCommand waiting || waiting.EventId != eventId)
            {
                return ValueTask.FromResult(false);
            }

            return ValueTask.FromResult(Step(instance, new EventReceivedInput(eventId, rawEvent)));
        }

        /// <summary>Never one: the simulated version is compiled before the run starts.</summary>
        public ValueTask<int?> WaitingVersionAsync(string journeyId, string profileId, string eventId) => ValueTask.FromResult<int?>(null);

        public void Discarded(string journeyId, int version, DiscardReason reason) => counters.Discarded(journeyId, version, reason);

        // A simulation reports each unmatched scenario event itself (a discard with reason "unmatched"); there is no
        // host-wide count to keep.
        public void Unmatched()
        {
        }

        private bool IsOurs(string journeyId) => string.Equals(journeyId, journey.JourneyId, StringComparison.Ordinal);

        private void Schedule(DateTimeOffset at, Item item) => agenda.Enqueue(item, (at, sequence++));

        private void CountStep()
        {
            if (++steps > limits.MaxSteps)
            {
                throw new SimulationLimitException(
                    SimulationErrorCodes.TooManySteps,
                    $"The simulation needed more than {limits.MaxSteps} steps; simulate fewer events or a shorter span.");
            }
        }

        /// <summary>Steps one instance; false when the stepper ignored the input.</summary>
        private bool Step(SimInstance instance, StepInput input)
        {
            CountStep();
            var result = JourneyStepper.Step(journey, instance.State, input, now);
            if (!result.StateChanged)
            {
                return false;
            }

            Handle(instance, result);
            return true;
        }

        /// <summary>Records a step's outcome and carries out its command, as the embedded engine's unit of work does.</summary>
        private void Handle(SimInstance instance, StepResult result)
        {
            while (true)
            {
                var state = result.NewState;
                instance.Record(state, result.Events);
                counters.Apply(state.JourneyId, state.Version, result.Events);
                if (state.Status != InstanceStatus.Active)
                {
                    if (active.TryGetValue(state.ProfileId, out var current) && ReferenceEquals(current, instance))
                    {
                        active.Remove(state.ProfileId);
                    }

                    lastExits[state.ProfileId] = state.EndedAt ?? now;
                }

                switch (result.Command)
                {
                    case StartTimerCommand timer:
                        Schedule(timer.WakeAt, new Item(ItemKind.Timer, instance, null, null, timer.WakeAt));
                        return;
                    case WaitForEventCommand wait:
                        Schedule(wait.TimeoutAt, new Item(ItemKind.Timer, instance, null, null, wait.TimeoutAt));
                        return;
                    case CallActionCommand call:
                        var (completed, latency) = CallAction(instance, call);
                        Schedule(now + latency, new Item(ItemKind.Done, instance, null, completed, default));
                        return;
                    case FetchDataCommand fetch:
                        Schedule(now, new Item(ItemKind.Done, instance, null, Fetch(state.ProfileId, fetch), default));
                        return;
                    case JumpCommand:
                        // The target journey is not part of the simulation: the jump is taken as entered.
                        CountStep();
                        result = JourneyStepper.Step(journey, state, new JumpCompletedInput(JumpOutcome.Entered), now);
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

        /// <summary>
        /// One action call against the stubs: rendered as <see cref="ActionInvoker"/> renders it, capped by the same
        /// limiter, attempted and retried as the HTTP pipeline would (a timeout per attempt, retries on 5xx, 408,
        /// 429 and timeouts, exponential backoff without jitter), and judged by the same outcome rules.
        /// </summary>
        private (ActionCompletedInput Input, TimeSpan Latency) CallAction(SimInstance instance, CallActionCommand call)
        {
            if (!journey.Actions.TryGetValue(call.ActionId, out var action))
            {
                return (new ActionCompletedInput(call.IdempotencyKey, ActionStatus.Error, null, null, 0), TimeSpan.Zero);
            }

            if (!templates.TryGetValue(action, out var template))
            {
                template = new ActionRequestTemplate(action);
                templates[action] = template;
            }

            RenderedActionRequest rendered;
            try
            {
                rendered = template.Render(call.Params, now, ResolvedAuth.None);
            }
            catch (ConnectorFailureException failure)
            {
                // Nothing is sent, as on the hosts, and the step says why with the same code.
                return (new ActionCompletedInput(call.IdempotencyKey, ActionStatus.Error, null, null, 0, failure.Code, failure.Message), TimeSpan.Zero);
            }

            if (action.CapPerMinute is > 0 and var cap && !capLimiter.TryAcquireAsync(call.ActionId, cap, CancellationToken.None).Result)
            {
                return (new ActionCompletedInput(call.IdempotencyKey, ActionStatus.Capped, null, null, 0), TimeSpan.Zero);
            }

            var request = Record(rendered, AuthResolver.Masked(action.Auth), call.IdempotencyKey);
            var timeoutMs = action.TimeoutMs is > 0 and var timeout ? timeout : (int)connectorOptions.DefaultTimeout.TotalMilliseconds;
            var maxRetries = action.MaxRetries is >= 0 and var retries ? retries : connectorOptions.DefaultActionMaxRetries;
            var stubs = scenario.Actions.GetValueOrDefault(call.ActionId);
            long elapsedMs = 0;
            HttpCallResult? last = null;
            ActionStub? lastStub = null;
            for (var attempt = 1; attempt <= maxRetries + 1; attempt++)
            {
                var at = now.AddMilliseconds(elapsedMs);
                if (stubs is not { Count: > 0 })
                {
                    instance.Calls.Add(new SimulatedCall
                    {
                        Node = call.NodeId,
                        Action = call.ActionId,
                        At = at,
                        Attempt = attempt,
                        Request = request,
                        Response = new SimulatedResponse { Error = $"{SimulationErrorCodes.StubMissing}: the scenario has no response for action '{call.ActionId}'." },
                    });
                    last = new HttpCallResult(null, [], null, attempt, elapsedMs, HttpCallFailure.Connection, "No stubbed response.");
                    break;
                }

                var stub = NextStub(call.ActionId, stubs);
                lastStub = stub;
                bool transient;
                if (stub.TimesOut || stub.DelayMs > timeoutMs)
                {
                    elapsedMs += timeoutMs;
                    instance.Calls.Add(new SimulatedCall
                    {
                        Node = call.NodeId,
                        Action = call.ActionId,
                        At = at,
                        Attempt = attempt,
                        Request = request,
                        Response = new SimulatedResponse { TimedOut = true },
                    });
                    last = new HttpCallResult(null, [], null, attempt, elapsedMs, HttpCallFailure.Timeout, $"No answer within {timeoutMs} ms (attempt {attempt}).");
                    transient = true;
                }
                else
                {
                    elapsedMs += stub.DelayMs;
                    instance.Calls.Add(new SimulatedCall
                    {
                        Node = call.NodeId,
                        Action = call.ActionId,
                        At = at,
                        Attempt = attempt,
                        Request = request,
                        Response = new SimulatedResponse { Status = stub.Status, Body = stub.Body },
                    });
                    last = new HttpCallResult(stub.Status, StubBytes(stub), "application/json", attempt, elapsedMs, HttpCallFailure.None, null);
                    transient = HttpCallExecutor.IsTransientStatus(stub.Status);
                }

                if (!transient || attempt == maxRetries + 1)
                {
                    break;
                }

                elapsedMs += (long)Backoff(attempt).TotalMilliseconds;
            }

            // An answer's meaning depends on the action and the answer only: judged once per stub, not per call.
            ActionOutcome outcome;
            if (last!.Failure == HttpCallFailure.None && lastStub is not null)
            {
                if (!stubOutcomes.TryGetValue((action, lastStub), out var judged))
                {
                    judged = ActionInvoker.ToOutcome(action, last, 0);
                    stubOutcomes[(action, lastStub)] = judged;
                }

                outcome = judged;
            }
            else
            {
                outcome = ActionInvoker.ToOutcome(action, last, elapsedMs);
            }

            return (new ActionCompletedInput(call.IdempotencyKey, outcome.Status, outcome.StatusCode, outcome.Body, elapsedMs), TimeSpan.FromMilliseconds(elapsedMs));
        }

        private byte[] StubBytes(ActionStub stub)
        {
            if (!stubBodies.TryGetValue(stub, out var bytes))
            {
                bytes = stub.Body is { } json ? Encoding.UTF8.GetBytes(json.GetRawText()) : [];
                stubBodies[stub] = bytes;
            }

            return bytes;
        }

        /// <summary>The pipeline's exponential backoff without its jitter: base × 2^(attempt−1), at most the maximum.</summary>
        private TimeSpan Backoff(int attempt)
        {
            var delay = connectorOptions.BaseDelay * Math.Pow(2, attempt - 1);
            return delay > connectorOptions.MaxDelay ? connectorOptions.MaxDelay : delay;
        }

        private ActionStub NextStub(string actionId, IReadOnlyList<ActionStub> stubs)
        {
            var cursor = stubCursors.GetValueOrDefault(actionId);
            stubCursors[actionId] = cursor + 1;
            return stubs[Math.Min(cursor, stubs.Count - 1)];
        }

        private static SimulatedRequest Record(RenderedActionRequest rendered, ResolvedAuth maskedAuth, string idempotencyKey)
        {
            // In the order the sender applies them, later ones replacing earlier ones of the same name.
            var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (rendered.Body is not null)
            {
                headers["Content-Type"] = "application/json; charset=utf-8";
            }

            foreach (var (name, value) in rendered.Headers)
            {
                headers[name] = value;
            }

            if (maskedAuth.HeaderName is { } authName && maskedAuth.HeaderValue is { } authValue)
            {
                headers[authName] = authValue;
            }

            headers[ActionInvoker.IdempotencyKeyHeader] = idempotencyKey;
            var url = maskedAuth.QueryName is { } queryName
                ? rendered.Url + (rendered.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Uri.EscapeDataString(queryName) + "=" + ResolvedAuth.Mask
                : rendered.Url;
            return new SimulatedRequest { Method = rendered.Method.Method, Url = url, Headers = headers, Body = Body(rendered.Body) };
        }

        private static JsonElement? Body(byte[]? body)
        {
            if (body is null)
            {
                return null;
            }

            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }

        /// <summary>A field-group fetch answered by the scenario's stub for the profile (or <c>*</c>), checked and reduced as the data-source client does.</summary>
        private DataFetchedInput Fetch(string profileId, FetchDataCommand fetch)
        {
            var key = fetch.Source + "." + fetch.Group;
            if (scenario.Data.GetValueOrDefault(key) is not { } byProfile
                || !(byProfile.TryGetValue(profileId, out var body) || byProfile.TryGetValue("*", out body)))
            {
                return new DataFetchedInput(fetch.Source, fetch.Group, null,
                    $"{SimulationErrorCodes.StubMissing}: the scenario has no data for '{key}' and profile '{profileId}' (nor '*').");
            }

            // Checked and reduced once per stub: a "*" stub answers thousands of profiles with the same body.
            var stubKey = (key, byProfile.ContainsKey(profileId) ? profileId : "*");
            if (!fetchAnswers.TryGetValue(stubKey, out var answer))
            {
                var fields = journey.DataSources.GetValueOrDefault(fetch.Source)?.FieldGroups?.GetValueOrDefault(fetch.Group)?.Fields;
                answer = fields is not { Count: > 0 }
                    ? (body, null)
                    : ResponseBody.CheckFields(body, fields) is { } problem ? (null, problem) : (ResponseBody.Extract(body, fields), null);
                fetchAnswers[stubKey] = answer;
            }

            return new DataFetchedInput(fetch.Source, fetch.Group, answer.Body, answer.Error);
        }
    }

    /// <summary>Stubs and definitions by identity: two equal-looking stubs of a sequence are still two answers.</summary>
    private sealed class StubKeyComparer : IEqualityComparer<(CustomAction Action, ActionStub Stub)>
    {
        public static readonly StubKeyComparer Instance = new();

        public bool Equals((CustomAction Action, ActionStub Stub) x, (CustomAction Action, ActionStub Stub) y) =>
            ReferenceEquals(x.Action, y.Action) && ReferenceEquals(x.Stub, y.Stub);

        public int GetHashCode((CustomAction Action, ActionStub Stub) key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Action), RuntimeHelpers.GetHashCode(key.Stub));
    }

    private enum ItemKind
    {
        Event,
        Timer,
        Done,
    }

    /// <summary>Something due at a virtual instant: a scenario event, an instance's timer, or a finished call.</summary>
    private sealed record Item(ItemKind Kind, SimInstance? Instance, ScenarioEvent? Event, StepInput? Input, DateTimeOffset WakeAt);

    /// <summary>An instance as the simulation keeps it: its state, and what the answer shows of it.</summary>
    private sealed class SimInstance(string profileId, string instanceId)
    {
        private readonly List<StepEvent> stepEvents = [];
        private readonly List<string> path = [];

        public InstanceState State { get; private set; } = null!;

        public List<SimulatedCall> Calls { get; } = [];

        public void Record(InstanceState state, IReadOnlyList<StepEvent> events)
        {
            State = state;
            foreach (var stepEvent in events)
            {
                stepEvents.Add(stepEvent);
                if (stepEvent.Kind == StepEventKind.Entered && stepEvent.Node is { } node)
                {
                    path.Add(node);
                }
            }
        }

        public SimulatedInstance ToResult() => new()
        {
            ProfileId = profileId,
            InstanceId = instanceId,
            Status = State.Status,
            Path = path,
            Steps = stepEvents,
            Calls = Calls,
        };
    }
}
