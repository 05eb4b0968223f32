using Journeys.Core.Execution;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;
using Microsoft.Extensions.Logging;

namespace Journeys.Embedded.Engine;

/// <summary>
/// The engine's lines about what matters to an operator beyond start-up: a clean stop, and each step that failed
/// with its reason (the step event's code and message, which name settings, statuses and attempts, never secrets).
/// Profile ids stay out: the instance id identifies the instance and leads to it through the store.
/// </summary>
internal static partial class EngineLog
{
    public static void StepFailures(ILogger logger, InstanceState state, IReadOnlyList<StepEvent> events)
    {
        foreach (var stepEvent in events)
        {
            var node = stepEvent.Node ?? "(journey)";
            switch (stepEvent.Kind)
            {
                case StepEventKind.Error:
                    StepFailed(logger, state.JourneyId, state.Version, node, state.InstanceId, stepEvent.Code ?? "ERROR", stepEvent.Message ?? string.Empty);
                    break;
                case StepEventKind.ActionResult when stepEvent.Outcome is not null and not "ok":
                    // Also when the node goes on through errorNext: the call still failed, and why matters.
                    ActionFailed(logger, state.JourneyId, state.Version, node, state.InstanceId, stepEvent.Outcome, stepEvent.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", stepEvent.Message ?? string.Empty);
                    break;
                case StepEventKind.DataFetched when stepEvent.Code is not null:
                    StepFailed(logger, state.JourneyId, state.Version, node, state.InstanceId, stepEvent.Code, stepEvent.Message ?? string.Empty);
                    break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey '{JourneyId}' v{Version}: node '{Node}' call ended '{Outcome}' (HTTP status {Status}) in instance {InstanceId}: {Reason}")]
    private static partial void ActionFailed(ILogger logger, string journeyId, int version, string node, string instanceId, string outcome, string status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journey '{JourneyId}' v{Version}: node '{Node}' failed in instance {InstanceId}: {Code} {Reason}")]
    private static partial void StepFailed(ILogger logger, string journeyId, int version, string node, string instanceId, string code, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engine stopped: in-flight work finished; waiting instances resume on the next start")]
    public static partial void Stopped(ILogger logger);
}
