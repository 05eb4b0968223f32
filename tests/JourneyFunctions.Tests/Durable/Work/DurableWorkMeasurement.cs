using System.Diagnostics;
using Journeys.Core.Execution;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Azurite;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// Runs entrants of a sample through the Functions app's own orchestrator and activities on the Azure Storage backend
/// over Azurite, everything counted by a <see cref="DurableWorkMeter"/>: entry events go in through the app's ingestion
/// (as the Event Hubs trigger sends them), follow-up events once an entrant waits for them, until every instance has
/// ended. Counting starts after setup (samples published, task hub created) and leaves out the measurement's own
/// reads of instance records.
/// </summary>
public static class DurableWorkMeasurement
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Entrants <paramref name="first"/> to <paramref name="first"/> + <paramref name="entrants"/> − 1 of <paramref name="workload"/>.</summary>
    public static async Task<SampleWork> RunAsync(AzuriteFixture azurite, DurableWorkload workload, int entrants, int first = 0)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var meter = new DurableWorkMeter();
        await using var run = await JourneyRun.StartMeteredAsync(azurite, meter, DurableWorkload.Reply, workload.Waits, workload.Journey);
        meter.Reset();
        var clock = Stopwatch.StartNew();

        var numbers = Enumerable.Range(first, entrants).ToList();
        foreach (var i in numbers)
        {
            var result = await IngestAsync(run, workload.Entry(i));
            Assert.Equal([workload.Journey], result.Entered);
        }

        // Each follow-up goes in as soon as its entrant waits for it (all at once, so that the last ones are not late
        // for their wait's timeout).
        await Task.WhenAll(numbers.Where(i => workload.FollowUpOf(i) is not null).Select(async i =>
        {
            var followUp = workload.FollowUpOf(i)!;
            using (StorageRequestMeter.Unobserved())
            {
                await run.WaitForAsync(workload.Journey, workload.Profile(i), followUp.Ready);
            }

            var result = await IngestAsync(run, followUp.Event);
            Assert.True(result.Resumed.SequenceEqual([workload.Journey]), $"{workload.Journey} entrant {i}: the follow-up event resumed [{string.Join(", ", result.Resumed)}].");
        }));

        await UntilAsync(() => meter.Work.EndedInstances.Count >= entrants, "every instance to end");
        await SettleAsync(meter);
        var duration = clock.Elapsed;
        var work = meter.Work;
        var requests = meter.Requests.Snapshot();
        var instances = await EndedInstancesAsync(run, workload, numbers);
        return new SampleWork(
            workload, meter.TaskHub, entrants, duration, instances, Paths(instances),
            work.Episodes, work.Timers, work.EventsDelivered, work.ContinuedAsNew, work.Abandoned, work.Activities, requests);
    }

    /// <summary>
    /// An engine with nothing to do, on the backend settings Durable Functions uses by default (4 partitions, queue
    /// polling backing off to 30 s): the requests it makes anyway, over <paramref name="window"/> after a warm-up in
    /// which the polling backs off and the partition leases are taken.
    /// </summary>
    public static async Task<IdleWork> IdleAsync(AzuriteFixture azurite, TimeSpan warmUp, TimeSpan window)
    {
        var meter = new DurableWorkMeter(settings =>
        {
            settings.PartitionCount = 4;
            settings.MaxQueuePollingInterval = TimeSpan.FromSeconds(30);
        });
        await using var run = await JourneyRun.StartMeteredAsync(azurite, meter, DurableWorkload.Reply, new Dictionary<string, string>());
        await Task.Delay(warmUp);
        meter.Reset();
        await Task.Delay(window);
        return new IdleWork("4 partitions, maxQueuePollingInterval 30 s (the Durable Functions defaults)", window, meter.Requests.Snapshot());
    }

    private static async Task<IngestResult> IngestAsync(JourneyRun run, string json)
    {
        using (StorageRequestMeter.Attribute(StorageCaller.AppIngestion))
        {
            return await run.IngestAsync(json);
        }
    }

    /// <summary>Each entrant's instance, its path checked against the one its number chose.</summary>
    private static async Task<IReadOnlyList<InstanceView>> EndedInstancesAsync(JourneyRun run, DurableWorkload workload, IEnumerable<int> numbers)
    {
        var views = new List<InstanceView>();
        using (StorageRequestMeter.Unobserved())
        {
            foreach (var i in numbers)
            {
                var view = await run.WaitForAsync(workload.Journey, workload.Profile(i), view => view.EndedAt is not null);
                var path = PathOf(view);
                var expected = workload.ExpectedPath(i);
                Assert.True(
                    path.Count == expected.Count && path.Zip(expected).All(pair => pair.Second == "*" || pair.First == pair.Second),
                    $"{workload.Journey} entrant {i}: took {string.Join(" → ", path)}, expected {string.Join(" → ", expected)}");
                Assert.Equal(InstanceStatus.Completed, view.Status);
                views.Add(view);
            }
        }

        return views;
    }

    private static SortedDictionary<string, int> Paths(IEnumerable<InstanceView> views)
    {
        var paths = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in views.Select(view => string.Join(" → ", PathOf(view))))
        {
            paths[key] = paths.GetValueOrDefault(key) + 1;
        }

        return paths;
    }

    private static List<string> PathOf(InstanceView view) =>
        view.Steps.Where(step => step.Kind == StepEventKind.Entered).Select(step => step.Node!).ToList();

    /// <summary>
    /// Waits until no request that grows with work has been made for two seconds: the last work item's
    /// acknowledgements and the last step records land after the instance shows as ended.
    /// </summary>
    private static async Task SettleAsync(DurableWorkMeter meter)
    {
        long Work() => meter.Requests.Snapshot().Where(pair => pair.Key.Role == StorageRequestRole.Work).Sum(pair => pair.Value);
        var last = Work();
        var quiet = Stopwatch.StartNew();
        var clock = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromSeconds(2))
        {
            Assert.True(clock.Elapsed < Patience, "The storage requests did not settle after every instance ended.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            var now = Work();
            if (now != last)
            {
                last = now;
                quiet.Restart();
            }
        }
    }

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, $"Timed out waiting for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
