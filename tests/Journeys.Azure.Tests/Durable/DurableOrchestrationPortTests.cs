using System.Text.Json;
using Journeys.Azure.Durable;
using Journeys.Azure.Tests.Durable;
using Journeys.Core.Execution;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Orchestration;
using Microsoft.DurableTask;
using Moq;

namespace Journeys.Azure.Tests.Durable;

/// <summary>The orchestrator's command mapping onto the Durable context, with the context mocked.</summary>
public sealed class DurableOrchestrationPortTests
{
    private static readonly DateTime T0 = new(2026, 1, 15, 10, 0, 0, DateTimeKind.Utc);

    private static readonly ConfigurationBundle Samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));

    private static CompiledJourney Cart => CompiledJourney.Compile("abandoned-cart", 1, Samples.Journeys["abandoned-cart"], Samples);

    [Fact]
    public async Task A_matching_order_is_awaited_as_an_external_event_raced_against_an_11_00_timer_then_recorded()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        var now = T0;
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => now);
        var records = new List<string>();
        context.Setup(c => c.CallActivityAsync(It.Is<TaskName>(n => n.Name == ActivityNames.RecordSteps), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => records.Add((string)input!))
            .Returns(Task.CompletedTask);
        CancellationToken timerToken = default;
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback<DateTime, CancellationToken>((_, token) => timerToken = token)
            .Returns(new TaskCompletionSource().Task); // never fires: the order comes first
        context.Setup(c => c.WaitForExternalEvent<string>("stop", It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource<string>().Task);
        var order = JsonDocument.Parse("""{ "id": "o", "type": "order.placed", "customer": { "id": "c-42" }, "cart": { "id": "cart-9" }, "order": { "id": "o-1" } }""").RootElement;
        context.Setup(c => c.WaitForExternalEvent<string>("event:order.placed", It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                now = T0.AddMinutes(20);
                return Task.FromResult(OrchestrationJson.Serialize(new EventEnvelope("order.placed", T0.AddMinutes(20), order)));
            });

        var result = await JourneyOrchestrationLoop.RunAsync(new DurableOrchestrationPort(context.Object), Cart, Input());

        Assert.Equal(InstanceStatus.Completed, result.State.Status);
        context.Verify(c => c.CreateTimer(new DateTime(2026, 1, 15, 11, 0, 0, DateTimeKind.Utc), It.IsAny<CancellationToken>()), Times.Once);
        Assert.True(timerToken.IsCancellationRequested);
        context.Verify(c => c.WaitForExternalEvent<string>("stop", It.IsAny<CancellationToken>()), Times.Once); // one stop wait per execution
        Assert.Equal(2, records.Count);
        Assert.Equal(InstanceStatus.Completed, OrchestrationJson.DeserializeStepRecord(records[1]).Status);
    }

    [Fact]
    public async Task An_action_is_the_CallAction_activity_with_the_request_as_json_and_its_answer_read_back()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        var request = new ActionCallRequest("abandoned-cart", 1, "vip-email", "send-email", JsonDocument.Parse("""{"email":"a@b.c"}""").RootElement, "run:vip-email:1");
        var answer = new ActionCompletedInput("run:vip-email:1", ActionStatus.Ok, 202, null, 12);
        context.Setup(c => c.CallActivityAsync<string>(It.Is<TaskName>(n => n.Name == ActivityNames.CallAction), OrchestrationJson.Serialize(request), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(OrchestrationJson.Serialize(answer));

        var result = await new DurableOrchestrationPort(context.Object).CallActionAsync(request);

        Assert.Equal(answer with { Body = null }, result with { Body = null });
    }

    [Fact]
    public void Continue_as_new_passes_the_serialised_input_and_the_preserve_flag()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);
        context.Setup(c => c.ContinueAsNew(It.IsAny<object>(), It.IsAny<bool>()));
        var input = Input() with { Entry = null, Generation = 3 };

        new DurableOrchestrationPort(context.Object).ContinueAsNew(input, preserveUnprocessedEvents: true);

        context.Verify(c => c.ContinueAsNew(OrchestrationJson.Serialize(input), true), Times.Once);
    }

    private static OrchestrationInput Input() => new()
    {
        JourneyId = "abandoned-cart",
        Version = 1,
        ProfileId = "c-42",
        InstanceId = "j:abandoned-cart:x:20260115T100000000",
        Entry = JsonDocument.Parse("""
            { "id": "evt-1", "type": "cart.abandoned", "customer": { "id": "c-42", "email": "ada@example.com" }, "cart": { "id": "cart-9", "total": 120.5 } }
            """).RootElement,
    };
}
