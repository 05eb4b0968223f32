using System.Globalization;
using System.Security.Cryptography;
using Journeys.Engine;
using Journeys.Execution;
using Journeys.Reporting;
using Microsoft.Data.Sqlite;

namespace Journeys.Storage.Sqlite;

/// <summary>
/// The engine's single writer: one connection, prepared statements reused for every row, explicit transactions
/// (<c>BEGIN IMMEDIATE</c>, so the write lock is taken up front rather than upgraded mid-way).
/// </summary>
internal sealed class SqliteRuntimeWriter : IRuntimeWriter
{
    private readonly SqliteConnection connection;
    private readonly WalCheckpointer? checkpointer;
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private SqliteTransaction? transaction;

    /// <param name="connection">The writer's own connection; tuned here for a single busy writer.</param>
    /// <param name="checkpointer">Checkpoints the WAL off the writer's thread; null leaves SQLite's automatic checkpoint on.</param>
    public SqliteRuntimeWriter(SqliteConnection connection, WalCheckpointer? checkpointer = null)
    {
        this.connection = connection;
        this.checkpointer = checkpointer;
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
        var command = Prepare("next-wake", "SELECT MIN(wake_at) FROM instances WHERE wake_at IS NOT NULL");
        return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public void Begin()
    {
        if (transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open.");
        }

        transaction = connection.BeginTransaction(deferred: false);
        foreach (var command in prepared.Values)
        {
            command.Transaction = transaction;
        }
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

    private void EndTransaction()
    {
        transaction?.Dispose();
        transaction = null;
        foreach (var command in prepared.Values)
        {
            command.Transaction = null;
        }
    }

    public bool TryRecordEventKey(string eventId, string eventKey, DateTimeOffset now)
    {
        var command = Prepare("record-key", "INSERT OR IGNORE INTO event_keys (event_id, event_key, seen_at) VALUES ($e, $k, $t)");
        command.Parameters["$e"].Value = eventId;
        command.Parameters["$k"].Value = eventKey;
        command.Parameters["$t"].Value = now.ToUnixTimeMilliseconds();
        return command.ExecuteNonQuery() == 1;
    }

    public int PurgeEventKeys(DateTimeOffset olderThan, int limit)
    {
        var command = Prepare("purge-keys", "DELETE FROM event_keys WHERE (event_id, event_key) IN (SELECT event_id, event_key FROM event_keys WHERE seen_at < $t LIMIT $n)");
        command.Parameters["$t"].Value = olderThan.ToUnixTimeMilliseconds();
        command.Parameters["$n"].Value = limit;
        return command.ExecuteNonQuery();
    }

    public InstanceState? FindActive(string journeyId, string profileId)
    {
        var command = Prepare("find-active", $"SELECT {StateColumns} FROM instances WHERE journey_id = $j AND profile_id = $p AND status = 'active'");
        command.Parameters["$j"].Value = journeyId;
        command.Parameters["$p"].Value = profileId;
        return ReadOne(command);
    }

    public bool IsActive(string journeyId, string profileId)
    {
        // Existence only: the routing decision needs no state, so none is read or deserialised.
        var command = Prepare("is-active", "SELECT 1 FROM instances WHERE journey_id = $j AND profile_id = $p AND status = 'active'");
        command.Parameters["$j"].Value = journeyId;
        command.Parameters["$p"].Value = profileId;
        return command.ExecuteScalar() is not null;
    }

    public InstanceState? Get(string instanceId)
    {
        var command = Prepare("get", $"SELECT {StateColumns} FROM instances WHERE instance_id = $i");
        command.Parameters["$i"].Value = instanceId;
        return ReadOne(command);
    }

    public DateTimeOffset? LastExit(string journeyId, string profileId)
    {
        var command = Prepare("last-exit", "SELECT exited_at FROM exits WHERE journey_id = $j AND profile_id = $p");
        command.Parameters["$j"].Value = journeyId;
        command.Parameters["$p"].Value = profileId;
        return command.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    public IReadOnlyList<InstanceState> Due(DateTimeOffset now, int limit)
    {
        var command = Prepare("due", $"SELECT {StateColumns} FROM instances WHERE wake_at <= $t ORDER BY wake_at LIMIT $n");
        command.Parameters["$t"].Value = now.ToUnixTimeMilliseconds();
        command.Parameters["$n"].Value = limit;
        return ReadAll(command);
    }

    public IReadOnlyList<InstanceState> ActiveOf(string journeyId)
    {
        var command = Prepare("active-of", $"SELECT {StateColumns} FROM instances WHERE journey_id = $j AND status = 'active'");
        command.Parameters["$j"].Value = journeyId;
        return ReadAll(command);
    }

    public void Save(InstanceState state)
    {
        var command = Prepare("save", """
            INSERT INTO instances (instance_id, journey_id, profile_id, version, status, wake_at, started_at, state)
            VALUES ($i, $j, $p, $v, $s, $w, $t, $state)
            ON CONFLICT (instance_id) DO UPDATE SET status = excluded.status, wake_at = excluded.wake_at, state = excluded.state
            """);
        var active = state.Status == InstanceStatus.Active;
        command.Parameters["$i"].Value = state.InstanceId;
        command.Parameters["$j"].Value = state.JourneyId;
        command.Parameters["$p"].Value = state.ProfileId;
        command.Parameters["$v"].Value = state.Version;
        command.Parameters["$s"].Value = StoredStateCodec.StatusName(state.Status);
        command.Parameters["$w"].Value = active && state.WakeAt is { } wake ? wake.ToUnixTimeMilliseconds() : DBNull.Value;
        command.Parameters["$t"].Value = state.StartedAt.ToUnixTimeMilliseconds();
        command.Parameters["$state"].Value = StoredStateCodec.Write(state);
        command.ExecuteNonQuery();
    }

    public void AppendSteps(string instanceId, IReadOnlyList<StepEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        // OR IGNORE: a step replayed after a crash carries the same sequence numbers and is already there.
        var command = Prepare("steps", "INSERT OR IGNORE INTO steps (instance_id, first_seq, events) VALUES ($i, $q, $e)");
        command.Parameters["$i"].Value = instanceId;
        command.Parameters["$q"].Value = events[0].Sequence;
        command.Parameters["$e"].Value = StepEventsCodec.Write(events);
        command.ExecuteNonQuery();
    }

    public long EnqueueWork(InstanceState state, JourneyCommand command, DateTimeOffset now)
    {
        var insert = Prepare("enqueue", "INSERT INTO work (instance_id, journey_id, version, command, created_at) VALUES ($i, $j, $v, $c, $t) RETURNING work_id");
        insert.Parameters["$i"].Value = state.InstanceId;
        insert.Parameters["$j"].Value = state.JourneyId;
        insert.Parameters["$v"].Value = state.Version;
        insert.Parameters["$c"].Value = ExecutionJson.Serialize(command);
        insert.Parameters["$t"].Value = now.ToUnixTimeMilliseconds();
        return (long)insert.ExecuteScalar()!;
    }

    public void DeleteWork(long workId)
    {
        var command = Prepare("delete-work", "DELETE FROM work WHERE work_id = $w");
        command.Parameters["$w"].Value = workId;
        command.ExecuteNonQuery();
    }

    public void SetLastExit(string journeyId, string profileId, DateTimeOffset exitedAt)
    {
        var command = Prepare("exit", """
            INSERT INTO exits (journey_id, profile_id, exited_at) VALUES ($j, $p, $t)
            ON CONFLICT (journey_id, profile_id) DO UPDATE SET exited_at = excluded.exited_at
            """);
        command.Parameters["$j"].Value = journeyId;
        command.Parameters["$p"].Value = profileId;
        command.Parameters["$t"].Value = exitedAt.ToUnixTimeMilliseconds();
        command.ExecuteNonQuery();
    }

    public void AddCounters(IReadOnlyDictionary<CounterKey, long> deltas)
    {
        var command = Prepare("counter", """
            INSERT INTO counters (journey_id, version, node, metric, value) VALUES ($j, $v, $n, $m, $x)
            ON CONFLICT (journey_id, version, node, metric) DO UPDATE SET value =
                CASE WHEN substr(excluded.metric, 1, 4) = 'max:' THEN max(value, excluded.value) ELSE value + excluded.value END
            """);
        foreach (var (key, value) in deltas)
        {
            command.Parameters["$j"].Value = key.JourneyId;
            command.Parameters["$v"].Value = key.Version;
            command.Parameters["$n"].Value = key.Node;
            command.Parameters["$m"].Value = key.Metric;
            command.Parameters["$x"].Value = value;
            command.ExecuteNonQuery();
        }
    }

    public void SaveMeta(long nextInstance, DateTimeOffset journeyClock)
    {
        var command = Prepare("meta", """
            INSERT INTO runtime_meta (key, value) VALUES ('next_instance', $n), ('journey_clock', $c)
            ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """);
        command.Parameters["$n"].Value = nextInstance.ToString(CultureInfo.InvariantCulture);
        command.Parameters["$c"].Value = journeyClock.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        transaction?.Dispose();
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

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

    /// <summary>The columns <see cref="ReadState"/> reads, in its order.</summary>
    internal const string StateColumns = "instance_id, journey_id, version, profile_id, status, state";

    internal static InstanceState ReadState(SqliteDataReader reader) =>
        StoredStateCodec.Read(
            (byte[])reader.GetValue(5), reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4));

    private static InstanceState? ReadOne(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadState(reader) : null;
    }

    private static List<InstanceState> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var states = new List<InstanceState>();
        while (reader.Read())
        {
            states.Add(ReadState(reader));
        }

        return states;
    }

    /// <summary>Statements are prepared once and reused with new parameter values; parameters are discovered from the SQL.</summary>
    private SqliteCommand Prepare(string name, string sql)
    {
        if (prepared.TryGetValue(name, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(sql, @"\$[a-z]+"))
        {
            if (!command.Parameters.Contains(match.Value))
            {
                command.Parameters.Add(new SqliteParameter(match.Value, null));
            }
        }

        command.Prepare();
        prepared[name] = command;
        return command;
    }
}
