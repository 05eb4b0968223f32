using Azure.Data.Tables;
using JourneyFunctions.Tests.Azurite;
using Journeys.Azure.Durable;
using Journeys.Core.Execution;
using Journeys.TestSupport.Azurite;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// The counters behind docs/performance.md's per-entrant figures, checked on one entrant so the figures cannot
/// silently rot: the backend's work items against the orchestration history the backend stored (its task hub's
/// History table), the activities against the steps the instance recorded, and storage requests seen for each caller.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableWorkMeterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task One_abandoned_cart_that_times_out_is_counted_as_its_history_and_its_steps_say()
    {
        // Entrant 4 places no order and is gold: wait (timed out) → tier fetch → VIP email. A short wait keeps CI quick.
        var workload = DurableWorkload.AbandonedCart with { Waits = new Dictionary<string, string>(StringComparer.Ordinal) { ["PT1H"] = "PT2S" } };

        var work = await DurableWorkMeasurement.RunAsync(azurite, workload, entrants: 1, first: 4);

        var view = Assert.Single(work.Instances);
        Assert.Equal(["await-order", "tier-check", "vip-email", "done"], view.Steps.Where(step => step.Kind == StepEventKind.Entered).Select(step => step.Node));
        Assert.Equal(view.Steps.Count(step => step.Kind == StepEventKind.ActionResult), work.Activities.GetValueOrDefault(ActivityNames.CallAction));
        Assert.Equal(view.Steps.Count(step => step.Kind == StepEventKind.DataFetched), work.Activities.GetValueOrDefault(ActivityNames.FetchData));
        Assert.Equal(1, work.Activities.GetValueOrDefault(ActivityNames.LoadJourney));
        Assert.Equal(1, work.Timers); // the wait's timeout

        var history = await HistoryAsync(work.TaskHub);
        Assert.Equal(history.GetValueOrDefault("TaskScheduled"), work.Activities.Values.Sum());
        Assert.Equal(history.GetValueOrDefault("TimerCreated"), work.Timers);
        Assert.Equal(history.GetValueOrDefault("OrchestratorStarted"), work.Episodes);
        Assert.Equal(0, work.ContinuedAsNew);

        Assert.True(work.WorkRequests(kind => kind.Caller == StorageCaller.Durable && kind.Service == StorageService.Queue) > 0);
        Assert.True(work.WorkRequests(kind => kind.Caller == StorageCaller.Durable && kind.Service == StorageService.Table) > 0);
        Assert.True(work.WorkRequests(kind => kind.Caller == StorageCaller.AppActivities && kind.Resource == "JourneysInstances") > 0); // the step records
        Assert.True(work.WorkRequests(kind => kind.Caller == StorageCaller.AppIngestion && kind.Resource == "JourneysEventKeys") > 0); // de-duplication
        Assert.True(work.WorkRequests(kind => kind.Caller == StorageCaller.DurableClient) > 0); // the start
        Assert.Contains(work.Requests.Keys, kind => kind is { Service: StorageService.Queue, Resource: "workitems", Operation: "send" });
    }

    /// <summary>The history events the backend stored for the task hub's instances, counted by type.</summary>
    private async Task<Dictionary<string, int>> HistoryAsync(string taskHub)
    {
        var table = new TableClient(azurite.ConnectionString, taskHub + "History");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["EventType"]))
        {
            if (row.GetString("EventType") is { } type)
            {
                counts[type] = counts.GetValueOrDefault(type) + 1;
            }
        }

        return counts;
    }
}
