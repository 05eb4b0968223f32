using Journeys.Core.Execution;
using Journeys.Core.Routing;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Commands;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Azure.Durable;

/// <summary>
/// The work behind the orchestration's activities, with the same connectors as the embedded host. Activities run
/// at least once, so each method is safe to repeat: actions carry their idempotency key, records are appended once.
/// Calls and fetches compile their version through the routing table, so an edited action or data source reaches
/// them under the same rule as routing: at the next catalog revision of this process, or within the table's maximum
/// age for a change made by another process.
/// </summary>
public sealed class JourneyActivities(
    JourneyCatalog journeys,
    RoutingTableCache tables,
    ActionInvoker actions,
    DataSourceClient dataSources,
    IInstanceRecordStore records,
    ICounterStore counters,
    IExitStore exits)
{
    private readonly CommandExecutor commands = new(actions, dataSources);

    public async Task<JourneySnapshot> LoadJourneyAsync(JourneyVersionRef journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return await JourneySnapshots.CreateAsync(journeys, journey.JourneyId, journey.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Journey '{journey.JourneyId}' has no version {journey.Version}.");
    }

    public async Task<ActionCompletedInput> CallActionAsync(ActionCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compiled = await CompiledAsync(request.JourneyId, request.Version, cancellationToken);
        var call = new CallActionCommand(request.NodeId, request.ActionId, request.Params, request.IdempotencyKey);
        return await commands.CallActionAsync(compiled, call, cancellationToken);
    }

    public async Task<DataFetchedInput> FetchDataAsync(DataFetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compiled = await CompiledAsync(request.JourneyId, request.Version, cancellationToken);
        return await commands.FetchDataAsync(compiled, request.Source, request.Group, request.Path, cancellationToken);
    }

    /// <summary>Appends the step events; counters and the exit are written only by the first delivery of a record.</summary>
    public async Task RecordStepsAsync(StepRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!await records.AppendAsync(record, cancellationToken))
        {
            return;
        }

        var deltas = new ReportCounters();
        deltas.Apply(record.JourneyId, record.Version, record.Events);
        if (!deltas.IsEmpty)
        {
            await counters.AddAsync(deltas.Deltas, cancellationToken);
        }

        if (record.Status != InstanceStatus.Active && record.EndedAt is { } endedAt)
        {
            await exits.RecordExitAsync(record.JourneyId, record.ProfileId, endedAt, cancellationToken);
        }
    }

    /// <summary>
    /// Enters the profile into the target's live version through the <see cref="EntryGate"/> both hosts use (SPEC §2
    /// jump: skipped when active there; re-entry rules as for any entry), counting a refusal as a discard of the target.
    /// The target's orchestration is read and started through <paramref name="instances"/>, the activity invocation's
    /// Durable client.
    /// </summary>
    public async Task<JumpOutcome> JumpAsync(JumpRequest request, IInstanceGateway instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(instances);
        var live = await journeys.GetLiveVersionAsync(request.TargetJourneyId, cancellationToken);
        var target = live is null ? null : new JumpTarget(live.JourneyId, live.Version, live.Definition.Reentry);
        var gate = new JumpGateContext(instances, exits, cancellationToken);
        var instanceId = InstanceIds.For(request.TargetJourneyId, request.ProfileId);
        var outcome = await EntryGate.JumpAsync(gate, target, request.ProfileId, request.At, async () =>
        {
            var input = new OrchestrationInput
            {
                JourneyId = request.TargetJourneyId,
                Version = live!.Version,
                ProfileId = request.ProfileId,
                InstanceId = InstanceIds.RunId(instanceId, request.At),
                Entry = request.Entry,
            };
            return await instances.TryStartAsync(instanceId, input, cancellationToken);
        });
        if (!gate.Discards.IsEmpty)
        {
            await counters.AddAsync(gate.Discards.Deltas, cancellationToken);
        }

        return outcome;
    }

    private async Task<CompiledJourney?> CompiledAsync(string journeyId, int version, CancellationToken cancellationToken) =>
        await (await tables.GetAsync(cancellationToken)).GetCompiledAsync(journeys, journeyId, version, cancellationToken);

    /// <summary>The entry gate's reads over the orchestrations and the exit store; a refusal is counted, then written once.</summary>
    private sealed class JumpGateContext(IInstanceGateway instances, IExitStore exits, CancellationToken cancellationToken) : IEntryGateContext
    {
        public ReportCounters Discards { get; } = new();

        public async ValueTask<bool> IsActiveAsync(string journeyId, string profileId) =>
            await instances.IsActiveAsync(InstanceIds.For(journeyId, profileId), cancellationToken);

        public async ValueTask<DateTimeOffset?> LastExitAsync(string journeyId, string profileId) =>
            await exits.GetLastExitAsync(journeyId, profileId, cancellationToken);

        public void Discarded(string journeyId, int version, DiscardReason reason) => Discards.Discarded(journeyId, version, reason);
    }
}
