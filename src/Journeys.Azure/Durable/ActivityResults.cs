using Journeys.Connectors;
using Journeys.Execution;

namespace Journeys.Durable;

/// <summary>Turns connector outcomes into the stepper inputs an activity returns to its orchestration.</summary>
public static class ActivityResults
{
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
