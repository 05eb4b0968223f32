using Journeys.Azure.Durable;
using Journeys.Azure.Tests.Durable;
using Journeys.Runtime.Orchestration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace Journeys.Azure.Tests.Durable;

/// <summary>Start and raise decisions against a mocked <see cref="DurableTaskClient"/>.</summary>
public sealed class DurableInstanceGatewayTests
{
    private const string Id = "j:abandoned-cart:0123456789abcdef0123456789abcdef";

    private static readonly OrchestrationInput Input = new() { JourneyId = "abandoned-cart", Version = 1, ProfileId = "c-42", InstanceId = Id + ":run" };

    [Theory]
    [InlineData(OrchestrationRuntimeStatus.Running)]
    [InlineData(OrchestrationRuntimeStatus.Pending)]
    [InlineData(OrchestrationRuntimeStatus.Suspended)]
    public async Task An_active_orchestration_is_not_started_again(OrchestrationRuntimeStatus status)
    {
        var client = ClientWith(status);

        var started = await new DurableInstanceGateway(client.Object).TryStartAsync(Id, Input, CancellationToken.None);

        Assert.False(started);
        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_completed_orchestration_is_started_anew_under_the_same_id_with_the_json_input()
    {
        var client = ClientWith(OrchestrationRuntimeStatus.Completed);
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Id);

        var started = await new DurableInstanceGateway(client.Object).TryStartAsync(Id, Input, CancellationToken.None);

        Assert.True(started);
        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.Is<TaskName>(n => n.Name == ActivityNames.Orchestrator),
            OrchestrationJson.Serialize(Input),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == Id),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_unknown_orchestration_is_not_active()
    {
        var client = new Mock<DurableTaskClient>("test");
        client.Setup(c => c.GetInstanceAsync(Id, false, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        Assert.False(await new DurableInstanceGateway(client.Object).IsActiveAsync(Id, CancellationToken.None));
    }

    [Fact]
    public async Task Raising_passes_the_event_name_and_payload_through()
    {
        var client = new Mock<DurableTaskClient>("test");
        client.Setup(c => c.RaiseEventAsync(Id, "event:order.placed", "{}", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        await new DurableInstanceGateway(client.Object).RaiseAsync(Id, "event:order.placed", "{}", CancellationToken.None);

        client.Verify(c => c.RaiseEventAsync(Id, "event:order.placed", "{}", It.IsAny<CancellationToken>()), Times.Once);
    }

    private static Mock<DurableTaskClient> ClientWith(OrchestrationRuntimeStatus status)
    {
        var client = new Mock<DurableTaskClient>("test");
        client.Setup(c => c.GetInstanceAsync(Id, false, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(ActivityNames.Orchestrator, Id) { RuntimeStatus = status });
        return client;
    }
}
