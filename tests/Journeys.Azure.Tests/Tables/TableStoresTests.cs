using Azure.Data.Tables;
using Journeys.Azure.Tables;
using Journeys.Azure.Tests.Azurite;
using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Azurite;

namespace Journeys.Azure.Tests.Tables;

/// <summary>The Azure host's other Table stores (event keys, exits, counters, dead letters, instance records) on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStoresTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private JourneyTables Tables { get; } = new(new TableServiceClient(azurite.ConnectionString));

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task Of_concurrent_deliveries_of_one_event_key_exactly_one_is_recorded()
    {
        var store = new TableEventKeyStore(Tables);
        var key = NewId("key");

        var recorded = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.TryRecordAsync("cart.abandoned", key, T0, CancellationToken.None)));

        Assert.Equal(1, recorded.Count(r => r));
        Assert.False(await store.TryRecordAsync("cart.abandoned", key, T0.AddMinutes(1), CancellationToken.None));
        Assert.True(await store.TryRecordAsync("order.placed", key, T0.AddMinutes(1), CancellationToken.None));
        Assert.True(await store.TryRecordAsync("cart.abandoned", key, T0 + TableEventKeyStore.Retention + TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task The_last_exit_of_a_profile_is_what_was_recorded_last()
    {
        var store = new TableExitStore(Tables);
        var journey = NewId("j");

        Assert.Null(await store.GetLastExitAsync(journey, "p1", CancellationToken.None));
        await store.RecordExitAsync(journey, "p1", T0, CancellationToken.None);
        await store.RecordExitAsync(journey, "p1", T0.AddHours(2), CancellationToken.None);

        Assert.Equal(T0.AddHours(2), await store.GetLastExitAsync(journey, "p1", CancellationToken.None));
        Assert.Null(await store.GetLastExitAsync(journey, "p2", CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_counter_additions_all_count_and_maxima_keep_the_greatest()
    {
        var store = new TableCounterStore(Tables);
        var journey = NewId("j");
        var entered = new CounterKey(journey, 1, "", "entered");
        var latency = new CounterKey(journey, 1, "mail", "max:actionLatencyMs");

        await Task.WhenAll(Enumerable.Range(1, 10).Select(i =>
            store.AddAsync(new Dictionary<CounterKey, long> { [entered] = 1, [latency] = i * 10 }, CancellationToken.None)));

        var counters = await store.GetAsync(journey, CancellationToken.None);
        Assert.Equal(10, counters[entered]);
        Assert.Equal(100, counters[latency]);
    }

    [Fact]
    public async Task A_dead_letter_keeps_the_message_and_the_reason_and_cuts_a_huge_message()
    {
        var store = new TableDeadLetterStore(Tables);
        var marker = NewId("msg");
        var huge = marker + new string('x', 40_000);

        await store.AddAsync(huge, "malformed JSON: " + marker, T0, CancellationToken.None);

        var table = await Tables.GetAsync(JourneyTables.DeadLetters);
        var letter = Assert.Single(table.Query<TableEntity>(e => e.PartitionKey == "20260301"), e => e.GetString("Reason") == "malformed JSON: " + marker);
        Assert.StartsWith(marker, letter.GetString("Message"), StringComparison.Ordinal);
        Assert.Equal(30_000, letter.GetString("Message").Length);
        Assert.True(letter.GetBoolean("Truncated"));
    }

    [Fact]
    public async Task A_step_record_is_appended_once_however_often_the_activity_runs_and_the_view_shows_it()
    {
        var store = new TableInstanceRecordStore(Tables);
        var journey = NewId("j");
        var record = new StepRecord
        {
            JourneyId = journey,
            Version = 1,
            ProfileId = "p1",
            InstanceId = "run-1",
            Status = InstanceStatus.Active,
            Node = "await-order",
            Waiting = WaitKind.Event,
            StartedAt = T0,
            Events = [new StepEvent(1, StepEventKind.Entered, "await-order", T0)],
        };

        var first = await store.AppendAsync(record, CancellationToken.None);
        var second = await store.AppendAsync(record, CancellationToken.None);
        var view = await InstanceViews.ReadAsync(store, journey, "p1", CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("run-1", view!.InstanceId);
        Assert.Equal("await-order", view.Node);
        Assert.Null(await InstanceViews.ReadAsync(store, journey, "p2", CancellationToken.None));
    }
}
