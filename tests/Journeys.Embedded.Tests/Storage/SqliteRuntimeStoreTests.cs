using System.Text;
using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Embedded.Storage;
using Journeys.TestSupport.Storage;
using Microsoft.Data.Sqlite;

namespace Journeys.Embedded.Tests.Storage;

/// <summary>
/// The runtime store's row formats: instance state without the fields its columns hold, step rows without a
/// per-event clock and sequence, and rows in the earlier full formats still read back the same.
/// </summary>
public sealed class SqliteRuntimeStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task A_saved_instance_reads_back_whole_though_its_row_stores_ids_and_status_only_in_columns()
    {
        using var files = new TempDatabase();
        var store = await SqliteRuntimeStore.OpenAsync(files.Open());
        var state = Waiting("i-1", "p-1");
        using (var writer = store.OpenWriter())
        {
            writer.Begin();
            writer.Save(state);
            writer.Commit();
        }

        var read = Assert.Single(await store.ReadInstancesAsync("cart", "p-1", 10));

        Assert.Equal(ExecutionJson.Serialize(state), ExecutionJson.Serialize(read));
        Assert.Equal(
            """{"node":"wait","waiting":"event","wakeAt":"2026-03-01T11:00:00.123+00:00","startedAt":"2026-03-01T10:00:00.123+00:00","deadline":"2026-03-02T10:00:00.123+00:00","sequence":3,"visits":{"wait":1},"entry":{"id":"e1"},"pending":{"kind":"waitForEvent","nodeId":"wait","eventId":"order.placed","timeoutAt":"2026-03-01T11:00:00.123+00:00"}}""",
            await BlobAsync(files, "SELECT state FROM instances WHERE instance_id = 'i-1'"));
    }

    [Fact]
    public async Task Steps_of_one_clock_reading_are_stored_once_with_it_and_read_back_numbered()
    {
        using var files = new TempDatabase();
        var store = await SqliteRuntimeStore.OpenAsync(files.Open());
        StepEvent[] events =
        [
            new(1, StepEventKind.Started, null, T0) { Outcome = "wait" },
            new(2, StepEventKind.Entered, "wait", T0),
            new(3, StepEventKind.Waiting, "wait", T0) { Outcome = "event" },
        ];
        using (var writer = store.OpenWriter())
        {
            writer.Begin();
            writer.AppendSteps("i-1", events);
            writer.Commit();
        }

        Assert.Equal(events, await store.ReadStepsAsync("i-1"));
        Assert.Equal(
            """{"at":"2026-03-01T10:00:00.123+00:00","events":[{"kind":"started","outcome":"wait"},{"kind":"entered","node":"wait"},{"kind":"waiting","node":"wait","outcome":"event"}]}""",
            await BlobAsync(files, "SELECT events FROM steps WHERE instance_id = 'i-1'"));
    }

    [Fact]
    public async Task Steps_of_different_clock_readings_keep_the_full_form()
    {
        using var files = new TempDatabase();
        var store = await SqliteRuntimeStore.OpenAsync(files.Open());
        StepEvent[] events =
        [
            new(4, StepEventKind.Resumed, "wait", T0.AddHours(1)) { Outcome = "timer" },
            new(5, StepEventKind.Exited, "wait", T0.AddHours(2)) { Branch = "timeout", Target = "done" },
        ];
        using (var writer = store.OpenWriter())
        {
            writer.Begin();
            writer.AppendSteps("i-1", events);
            writer.Commit();
        }

        Assert.Equal(events, await store.ReadStepsAsync("i-1"));
        Assert.StartsWith("[{\"sequence\":4,", await BlobAsync(files, "SELECT events FROM steps WHERE instance_id = 'i-1'"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_in_the_earlier_full_formats_read_back_the_same()
    {
        using var files = new TempDatabase();
        var database = files.Open();
        var store = await SqliteRuntimeStore.OpenAsync(database);
        var state = Waiting("i-old", "p-old");
        StepEvent[] events = [new(1, StepEventKind.Started, null, T0) { Outcome = "wait" }, new(2, StepEventKind.Entered, "wait", T0)];
        await using (var connection = await database.OpenConnectionAsync())
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO instances (instance_id, journey_id, profile_id, version, status, wake_at, started_at, state)
                VALUES ('i-old', 'cart', 'p-old', 2, 'active', 0, 0, $state);
                INSERT INTO steps (instance_id, first_seq, events) VALUES ('i-old', 1, $events);
                """;
            insert.Parameters.AddWithValue("$state", ExecutionJson.Serialize(state));
            insert.Parameters.AddWithValue("$events", ExecutionJson.Serialize(events));
            await insert.ExecuteNonQueryAsync();
        }

        var read = Assert.Single(await store.ReadInstancesAsync("cart", "p-old", 10));

        Assert.Equal(ExecutionJson.Serialize(state), ExecutionJson.Serialize(read));
        Assert.Equal(events, await store.ReadStepsAsync("i-old"));
    }

    [Fact]
    public async Task Is_active_answers_for_the_active_instance_only()
    {
        using var files = new TempDatabase();
        var store = await SqliteRuntimeStore.OpenAsync(files.Open());
        using var writer = store.OpenWriter();
        writer.Begin();
        writer.Save(Waiting("i-1", "p-1"));
        writer.Save(Waiting("i-2", "p-2") with { Status = InstanceStatus.Completed, EndedAt = T0 });
        writer.Commit();

        Assert.True(writer.IsActive("cart", "p-1"));
        Assert.False(writer.IsActive("cart", "p-2"));
        Assert.False(writer.IsActive("other", "p-1"));
        Assert.False(writer.IsActive("cart", "p-3"));
    }

    [Fact]
    public async Task The_redundant_status_index_is_dropped()
    {
        using var files = new TempDatabase();
        var database = files.Open();
        await SqliteRuntimeStore.OpenAsync(database);

        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'instances' AND name NOT LIKE 'sqlite_%' ORDER BY name)";
        Assert.Equal("instances_active,instances_profile,instances_wake", await command.ExecuteScalarAsync());
        Assert.Contains("0003-runtime-lean-indexes", await database.AppliedMigrationsAsync());
    }

    private static InstanceState Waiting(string instanceId, string profileId)
    {
        using var entry = JsonDocument.Parse("""{"id":"e1"}""");
        return new InstanceState
        {
            JourneyId = "cart",
            Version = 2,
            ProfileId = profileId,
            InstanceId = instanceId,
            Status = InstanceStatus.Active,
            Node = "wait",
            Waiting = WaitKind.Event,
            WakeAt = T0.AddHours(1),
            StartedAt = T0,
            Deadline = T0.AddDays(1),
            Sequence = 3,
            Visits = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["wait"] = 1 },
            Entry = entry.RootElement.Clone(),
            Pending = new WaitForEventCommand("wait", "order.placed", T0.AddHours(1)),
        };
    }

    private static async Task<string> BlobAsync(TempDatabase files, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={files.FilePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Encoding.UTF8.GetString((byte[])(await command.ExecuteScalarAsync())!);
    }
}
