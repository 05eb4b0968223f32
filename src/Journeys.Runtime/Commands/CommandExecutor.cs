using Journeys.Core.Execution;
using Journeys.Runtime.Connectors;

namespace Journeys.Runtime.Commands;

/// <summary>
/// Executes the commands that leave the process, an action call and a data fetch, for both hosts: the embedded
/// engine's workers and the Azure activities. The outcome is the stepper's next input, so a call that cannot be made
/// (the version no longer has the action or source) takes the same error path on both hosts, with the same message.
/// Jumps go through <see cref="Journeys.Runtime.Routing.EntryGate"/>.
/// </summary>
public sealed class CommandExecutor(ActionInvoker actions, DataSourceClient dataSources)
{
    /// <summary>The fetch error when the compiled version has no such data source.</summary>
    public static string SourceUnavailable(string source) => $"data source '{source}' is not available";

    /// <summary>Executes an action call or a data fetch; null for any other command (nothing to apply).</summary>
    public async Task<StepInput?> ExecuteAsync(CompiledJourney? compiled, JourneyCommand command, CancellationToken cancellationToken = default) =>
        command switch
        {
            CallActionCommand call => await CallActionAsync(compiled, call, cancellationToken),
            FetchDataCommand fetch => await FetchDataAsync(compiled, fetch.Source, fetch.Group, fetch.Path, cancellationToken),
            _ => null,
        };

    /// <summary>Calls the action as the compiled version defines it; an unknown action is an error result, as for any failed call.</summary>
    public async Task<ActionCompletedInput> CallActionAsync(CompiledJourney? compiled, CallActionCommand call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (compiled?.Actions.GetValueOrDefault(call.ActionId) is not { } action)
        {
            // The stepper then takes the error path, as for any failed call, with the cause in its step event.
            return new ActionCompletedInput(
                call.IdempotencyKey, ActionStatus.Error, null, null, 0, ConnectorErrorCodes.DefinitionInvalid,
                $"Action '{call.ActionId}' is not available to this journey version; nothing was sent.");
        }

        return ToInput(await actions.InvokeAsync(call.ActionId, action, call.Params, call.IdempotencyKey, cancellationToken), call.IdempotencyKey);
    }

    /// <summary>Fetches one field group of a source as the compiled version defines it.</summary>
    public async Task<DataFetchedInput> FetchDataAsync(CompiledJourney? compiled, string source, string group, string path, CancellationToken cancellationToken = default)
    {
        if (compiled?.DataSources.GetValueOrDefault(source) is not { } definition)
        {
            return new DataFetchedInput(source, group, null, SourceUnavailable(source));
        }

        return ToInput(await dataSources.FetchAsync(source, definition, group, path, cancellationToken), source, group);
    }

    public static ActionCompletedInput ToInput(ActionOutcome outcome, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new ActionCompletedInput(
            idempotencyKey, outcome.Status, outcome.StatusCode, outcome.Body, outcome.LatencyMs, outcome.ErrorCode, outcome.ErrorMessage, outcome.Attempts);
    }

    public static DataFetchedInput ToInput(DataFetchOutcome outcome, string source, string group)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Ok
            ? new DataFetchedInput(source, group, outcome.Body)
            : new DataFetchedInput(source, group, null, outcome.Error ?? outcome.ErrorCode ?? "the fetch failed");
    }
}
