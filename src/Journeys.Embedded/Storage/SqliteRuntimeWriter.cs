using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Embedded.Engine;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;
using Microsoft.Data.Sqlite;

namespace Journeys.Embedded.Storage;

/// <summary>
/// The engine's single writer: one connection, native prepared statements reused for every row (see
/// <see cref="NativeStatement"/>), JSON written into one reused buffer, explicit transactions (<c>BEGIN IMMEDIATE</c>,
/// so the write lock is taken up front rather than upgraded mid-way).
/// </summary>
internal sealed class SqliteRuntimeWriter : IRuntimeWriter
{
    private readonly SqliteConnection connection;
    private readonly WalCheckpointer? checkpointer;
    private readonly Dictionary<string, NativeStatement> statements = new(StringComparer.Ordinal);
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter json;
    private SqliteTransaction? transaction;

    /// <param name="connection">The writer's own connection; tuned here for a single busy writer.</param>
    /// <param name="checkpointer">Checkpoints the WAL off the writer's thread; null leaves SQLite's automatic checkpoint on.</param>
    public SqliteRuntimeWriter(SqliteConnection connection, WalCheckpointer? checkpointer = null)
    {
        this.connection = connection;
        this.checkpointer = checkpointer;
        json = new Utf8JsonWriter(buffer);
        using var pragmas = connection.CreateCommand();

        // A 64 MiB page cache keeps the index pages of a million instances hot; temp b-trees stay in memory; reads go
        // through a memory map instead of a system call per page; the WAL file is cut back after each reset.
        pragmas.CommandText = $"""
            PRAGMA cache_size = -65536;
            PRAGMA temp_store = MEMORY;
            PRAGMA mmap_size = 268435456;
            PRAGMA journal_size_limit = 67108864;
            PRAGMA wal_autocheckpoint = {(checkpointer is null ? 1000 : 0)};
            """;
        pragmas.ExecuteNonQuery();
    }

    public RuntimeMeta LoadMeta()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT key, value FROM runtime_meta";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (!values.TryGetValue("database_id", out var databaseId))
        {
            databaseId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR IGNORE INTO runtime_meta (key, value) VALUES ('database_id', $v)";
            insert.Parameters.AddWithValue("$v", databaseId);
            insert.ExecuteNonQuery();
        }

        var next = values.TryGetValue("next_instance", out var n) ? long.Parse(n, CultureInfo.InvariantCulture) : 1;
        DateTimeOffset? clock = values.TryGetValue("journey_clock", out var c) ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(c, CultureInfo.InvariantCulture)) : null;
        return new RuntimeMeta(databaseId, next, clock);
    }

    public IReadOnlyList<PendingWork> LoadWork()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT work_id, instance_id, journey_id, version, command FROM work ORDER BY work_id";
        using var reader = command.ExecuteReader();
        var work = new List<PendingWork>();
        while (reader.Read())
        {
            var body = (byte[])reader.GetValue(4);
            if (ExecutionJson.DeserializeCommand(body) is { } journeyCommand)
            {
                work.Add(new PendingWork(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), journeyCommand));
            }
        }

        return work;
    }

    public DateTimeOffset? NextWake()
    {
        var next = Statement("next-wake", "SELECT MIN(wake_at) FROM instances WHERE wake_at IS NOT NULL");
        try
        {
            return next.Read() && !next.IsNull(0) ? DateTimeOffset.FromUnixTimeMilliseconds(next.Int64(0)) : null;
        }
        finally
        {
            next.Reset();
        }
    }

    public void Begin()
    {
        if (transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open.");
        }

        transaction = connection.BeginTransaction(deferred: false);
    }

    public void Commit()
    {
        transaction?.Commit();
        EndTransaction();
    }

    public void Rollback()
    {
        transaction?.Rollback();
        EndTransaction();
    }

    private const string ItemSavepoint = "item";

    public void Savepoint() => Open().Save(ItemSavepoint);

    public void ReleaseSavepoint() => Open().Release(ItemSavepoint);

    public void RollbackToSavepoint()
    {
        // ROLLBACK TO keeps the savepoint on SQLite's stack; the release pops it.
        var open = Open();
        open.Rollback(ItemSavepoint);
        open.Release(ItemSavepoint);
    }

    private SqliteTransaction Open() => transaction ?? throw new InvalidOperationException("No transaction is open.");

    private void EndTransaction()
    {
        transaction?.Dispose();
        transaction = null;
    }

    public bool TryRecordEventKey(string eventId, string eventKey, DateTimeOffset now) =>
        Statement("record-key", "INSERT OR IGNORE INTO event_keys (event_id, event_key, seen_at) VALUES (?1, ?2, ?3)")
            .Bind(1, eventId).Bind(2, eventKey).Bind(3, now.ToUnixTimeMilliseconds()).Execute() == 1;

    public int PurgeEventKeys(DateTimeOffset olderThan, int limit) =>
        Statement("purge-keys", "DELETE FROM event_keys WHERE (event_id, event_key) IN (SELECT event_id, event_key FROM event_keys WHERE seen_at < ?1 LIMIT ?2)")
            .Bind(1, olderThan.ToUnixTimeMilliseconds()).Bind(2, limit).Execute();

    public InstanceState? FindActive(string journeyId, string profileId) =>
        ReadOne(Statement("find-active", $"SELECT {StateColumns} FROM instances WHERE journey_id = ?1 AND profile_id = ?2 AND status = 'active'")
            .Bind(1, journeyId).Bind(2, profileId));

    public bool IsActive(string journeyId, string profileId)
    {
        // Existence only: the routing decision needs no state, so none is read or deserialised.
        var exists = Statement("is-active", "SELECT 1 FROM instances WHERE journey_id = ?1 AND profile_id = ?2 AND status = 'active'")
            .Bind(1, journeyId).Bind(2, profileId);
        try
        {
            return exists.Read();
        }
        finally
        {
            exists.Reset();
        }
    }

    public InstanceState? Get(string instanceId) =>
        ReadOne(Statement("get", $"SELECT {StateColumns} FROM instances WHERE instance_id = ?1").Bind(1, instanceId));

    public DateTimeOffset? LastExit(string journeyId, string profileId)
    {
        var exit = Statement("last-exit", "SELECT exited_at FROM exits WHERE journey_id = ?1 AND profile_id = ?2").Bind(1, journeyId).Bind(2, profileId);
        try
        {
            return exit.Read() ? DateTimeOffset.FromUnixTimeMilliseconds(exit.Int64(0)) : null;
        }
        finally
        {
            exit.Reset();
        }
    }

    public IReadOnlyList<InstanceState> Due(DateTimeOffset now, int limit) =>
        ReadAll(Statement("due", $"SELECT {StateColumns} FROM instances WHERE wake_at <= ?1 ORDER BY wake_at LIMIT ?2")
            .Bind(1, now.ToUnixTimeMilliseconds()).Bind(2, limit));

    public IReadOnlyList<InstanceState> ActiveOf(string journeyId) =>
        ReadAll(Statement("active-of", $"SELECT {StateColumns} FROM instances WHERE journey_id = ?1 AND status = 'active'").Bind(1, journeyId));

    public void Save(InstanceState state)
    {
        var active = state.Status == InstanceStatus.Active;
        Statement("save", """
            INSERT INTO instances (instance_id, journey_id, profile_id, version, status, wake_at, started_at, state)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT (instance_id) DO UPDATE SET status = excluded.status, wake_at = excluded.wake_at, state = excluded.state
            """)
            .Bind(1, state.InstanceId)
            .Bind(2, state.JourneyId)
            .Bind(3, state.ProfileId)
            .Bind(4, state.Version)
            .Bind(5, StoredStateCodec.StatusName(state.Status))
            .Bind(6, active && state.WakeAt is { } wake ? wake.ToUnixTimeMilliseconds() : null)
            .Bind(7, state.StartedAt.ToUnixTimeMilliseconds())
            .Bind(8, Json(writer => StoredStateCodec.Write(writer, state)))
            .Execute();
    }

    public void AppendSteps(string instanceId, IReadOnlyList<StepEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        // OR IGNORE: a step replayed after a crash carries the same sequence numbers and is already there.
        Statement("steps", "INSERT OR IGNORE INTO steps (instance_id, first_seq, events) VALUES (?1, ?2, ?3)")
            .Bind(1, instanceId)
            .Bind(2, events[0].Sequence)
            .Bind(3, Json(writer => StepEventsCodec.Write(writer, events)))
            .Execute();
    }

    public long EnqueueWork(InstanceState state, JourneyCommand command, DateTimeOffset now)
    {
        var insert = Statement("enqueue", "INSERT INTO work (instance_id, journey_id, version, command, created_at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING work_id")
            .Bind(1, state.InstanceId)
            .Bind(2, state.JourneyId)
            .Bind(3, state.Version)
            .Bind(4, ExecutionJson.Serialize(command))
            .Bind(5, now.ToUnixTimeMilliseconds());
        try
        {
            return insert.Read() ? insert.Int64(0) : throw new InvalidOperationException("The work row was not inserted.");
        }
        finally
        {
            insert.Reset();
        }
    }

    public void DeleteWork(long workId) =>
        Statement("delete-work", "DELETE FROM work WHERE work_id = ?1").Bind(1, workId).Execute();

    public void SetLastExit(string journeyId, string profileId, DateTimeOffset exitedAt) =>
        Statement("exit", """
            INSERT INTO exits (journey_id, profile_id, exited_at) VALUES (?1, ?2, ?3)
            ON CONFLICT (journey_id, profile_id) DO UPDATE SET exited_at = excluded.exited_at
            """)
            .Bind(1, journeyId).Bind(2, profileId).Bind(3, exitedAt.ToUnixTimeMilliseconds()).Execute();

    public void AddCounters(IReadOnlyDictionary<CounterKey, long> deltas)
    {
        var add = Statement("counter", """
            INSERT INTO counters (journey_id, version, node, metric, value) VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (journey_id, version, node, metric) DO UPDATE SET value =
                CASE WHEN substr(excluded.metric, 1, 4) = 'max:' THEN max(value, excluded.value) ELSE value + excluded.value END
            """);
        foreach (var (key, value) in deltas)
        {
            add.Bind(1, key.JourneyId).Bind(2, key.Version).Bind(3, key.Node).Bind(4, key.Metric).Bind(5, value).Execute();
        }
    }

    public void SaveMeta(long nextInstance, DateTimeOffset journeyClock) =>
        Statement("meta", """
            INSERT INTO runtime_meta (key, value) VALUES ('next_instance', ?1), ('journey_clock', ?2)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """)
            .Bind(1, nextInstance.ToString(CultureInfo.InvariantCulture))
            .Bind(2, journeyClock.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))
            .Execute();

    public void Dispose()
    {
        transaction?.Dispose();
        foreach (var statement in statements.Values)
        {
            statement.Dispose();
        }

        json.Dispose();

        checkpointer?.Dispose();

        // The connection goes back to the pool: give it back with SQLite's defaults for the next user.
        try
        {
            using var reset = connection.CreateCommand();
            reset.CommandText = "PRAGMA wal_autocheckpoint = 1000; PRAGMA cache_size = -2000; PRAGMA mmap_size = 0;";
            reset.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // A connection in trouble is not worth keeping tidy; it is closed next.
        }

        connection.Dispose();
    }

    /// <summary>The columns both <see cref="ReadState(SqliteDataReader)"/> overloads read, in their order.</summary>
    internal const string StateColumns = "instance_id, journey_id, version, profile_id, status, state";

    internal static InstanceState ReadState(SqliteDataReader reader) =>
        StoredStateCodec.Read(
            (byte[])reader.GetValue(5), reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4));

    private static InstanceState ReadState(NativeStatement row) =>
        StoredStateCodec.Read(row.Blob(5), row.Text(0), row.Text(1), (int)row.Int64(2), row.Text(3), row.Text(4));

    private static InstanceState? ReadOne(NativeStatement query)
    {
        try
        {
            return query.Read() ? ReadState(query) : null;
        }
        finally
        {
            query.Reset();
        }
    }

    private static List<InstanceState> ReadAll(NativeStatement query)
    {
        var states = new List<InstanceState>();
        try
        {
            while (query.Read())
            {
                states.Add(ReadState(query));
            }
        }
        finally
        {
            query.Reset();
        }

        return states;
    }

    /// <summary>Serialises into the writer's reusable buffer; the span is valid until the next call.</summary>
    private ReadOnlySpan<byte> Json(Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        write(json);
        json.Flush();
        return buffer.WrittenSpan;
    }

    /// <summary>Statements are prepared once, on first use, and reused with new bindings.</summary>
    private NativeStatement Statement(string name, string sql)
    {
        if (!statements.TryGetValue(name, out var statement))
        {
            statement = new NativeStatement(connection, sql);
            statements[name] = statement;
        }

        return statement;
    }
}
