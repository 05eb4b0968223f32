using Journeys.Catalog;
using Journeys.Connectors;
using Journeys.Execution;
using Journeys.Orchestration;
using Journeys.Reporting;
using Journeys.Routing;

namespace Journeys.Durable;

/// <summary>
/// The work behind the orchestration's activities, with the same connectors as the embedded host. Activities run
/// at least once, so each method is safe to repeat: actions carry their idempotency key, records are appended once.
/// </summary>
public sealed class JourneyActivities(
    CatalogService catalog,
    CompiledJourneyCache journeys,
    ActionInvoker actions,
    DataSourceClient dataSources,
    IInstanceRecordStore records,
    ICounterStore counters,
    IExitStore exits)
{
    public async Task<JourneySnapshot> LoadJourneyAsync(JourneyVersionRef journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return await JourneySnapshots.CreateAsync(catalog, journey.JourneyId, journey.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Journey '{journey.JourneyId}' has no version {journey.Version}.");
    }

    public async Task<ActionCompletedInput> CallActionAsync(ActionCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compiled = await journeys.GetAsync(request.JourneyId, request.Version, cancellationToken);
        if (compiled is null || !compiled.Actions.TryGetValue(request.ActionId, out var action))
        {
            // The stepper then takes the error path, as for any failed call.
            return new ActionCompletedInput(
                request.IdempotencyKey, Execution.ActionStatus.Error, null, null, 0, ConnectorErrorCodes.DefinitionInvalid,
                $"Action '{request.ActionId}' is not available to version {request.Version} of journey '{request.JourneyId}'; nothing was sent.");
        }

        var outcome = await actions.InvokeAsync(request.ActionId, action, request.Params, request.IdempotencyKey, cancellationToken);
        return ActivityResults.ToInput(outcome, request.IdempotencyKey);
    }

    public async Task<DataFetchedInput> FetchDataAsync(DataFetchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var compiled = await journeys.GetAsync(request.JourneyId, request.Version, cancellationToken);
        if (compiled is null || !compiled.DataSources.TryGetValue(request.Source, out var source))
        {
            return new DataFetchedInput(request.Source, request.Group, null, $"data source '{request.Source}' is not available");
        }

        var outcome = await dataSources.FetchAsync(request.Source, source, request.Group, request.Path, cancellationToken);
        return ActivityResults.ToInput(outcome, request.Source, request.Group);
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
    /// Enters the profile into the target's live version under the target's entry rules (SPEC §2 jump: skipped when
    /// active there; re-entry rules as for any entry), counting a refusal as a discard of the target. The target's
    /// orchestration is read and started through <paramref name="instances"/>, the activity invocation's Durable client.
    /// </summary>
    public async Task<JumpOutcome> JumpAsync(JumpRequest request, IInstanceGateway instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(instances);
        if (await catalog.GetLiveVersionAsync(request.TargetJourneyId, cancellationToken) is not { } live)
        {
            return JumpOutcome.NoLiveVersion;
        }

        // The target's entry rules, as for an event entering it (and as the embedded engine decides a jump).
        var instanceId = InstanceIds.For(request.TargetJourneyId, request.ProfileId);
        var active = await instances.IsActiveAsync(instanceId, cancellationToken);
        var lastExit = active ? null : await exits.GetLastExitAsync(request.TargetJourneyId, request.ProfileId, cancellationToken);
        var decision = EntryRules.Decide(live.Definition.Reentry, active, lastExit, request.At);
        if (!decision.Enter)
        {
            var discard = new ReportCounters();
            discard.Discarded(live.JourneyId, live.Version, decision.Reason!.Value);
            await counters.AddAsync(discard.Deltas, cancellationToken);
            return EntryRules.ForRefusedJump(decision.Reason.Value);
        }

        var input = new OrchestrationInput
        {
            JourneyId = request.TargetJourneyId,
            Version = live.Version,
            ProfileId = request.ProfileId,
            InstanceId = InstanceIds.RunId(instanceId, request.At),
            Entry = request.Entry,
        };
        return await instances.TryStartAsync(instanceId, input, cancellationToken) ? JumpOutcome.Entered : JumpOutcome.SkippedAlreadyActive;
    }
}
