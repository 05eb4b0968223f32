using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using JourneyFunctions.Tests;
using P = Microsoft.DurableTask.Protobuf;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// Makes the test host's sidecar keep the events an orchestration forwards to itself when it continues as new, as
/// the Functions host's dispatcher (DurableTask.Core) does. With <c>preserveUnprocessedEvents</c>, the Durable SDK
/// re-sends its buffered events to the instance as <c>SendEvent</c> actions next to the continue-as-new; the
/// sidecar's dispatcher in Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1 (the only version served) clears
/// those messages when it starts the new generation, so they were lost (fixed upstream after that release:
/// microsoft/durabletask-dotnet 9842ef51). This turns them into the completion's carry-over events, which that
/// sidecar does add to the new generation, after the events DurableTask.Core carries over itself (production
/// delivers the forwarded messages after those too).
/// </summary>
internal sealed class ContinueAsNewEventCarryover : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        if (request is P.OrchestratorResponse response)
        {
            CarryOver(response);
        }

        return continuation(request, context);
    }

    private static void CarryOver(P.OrchestratorResponse response)
    {
        var completion = response.Actions.Select(a => a.CompleteOrchestration).FirstOrDefault(c => c?.OrchestrationStatus == P.OrchestrationStatus.ContinuedAsNew);
        if (completion is null)
        {
            return;
        }

        var toItself = response.Actions.Where(a => a.SendEvent is { } send && send.Instance?.InstanceId == response.InstanceId).ToList();
        foreach (var action in toItself)
        {
            response.Actions.Remove(action);
            completion.CarryoverEvents.Add(new P.HistoryEvent
            {
                EventId = -1,
                Timestamp = Timestamp.FromDateTime(DateTime.UtcNow),
                EventRaised = new P.EventRaisedEvent { Name = action.SendEvent.Name, Input = action.SendEvent.Data },
            });
        }
    }
}
