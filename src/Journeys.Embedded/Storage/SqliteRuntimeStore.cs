using Journeys.Core.Execution;
using Journeys.Embedded.Engine;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;
using Microsoft.Data.Sqlite;

namespace Journeys.Embedded.Storage;

/// <summary>The embedded runtime's store on the shared SQLite file: one writer for the engine, pooled readers for the API.</summary>
public sealed class SqliteRuntimeStore : IRuntimeReader
{
    private readonly SqliteDatabase database;

    private SqliteRuntimeStore(SqliteDatabase database)
    {
        this.database = database;
    }

    public static async Task<SqliteRuntimeStore> OpenAsync(SqliteDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.ApplyMigrationsAsync([SqliteRuntimeSchema.Migration, SqliteRuntimeSchema.LeanIndexes], cancellationToken);
        return new SqliteRuntimeStore(database);
    }

    /// <summary>The engine's writer, on a connection of its own.</summary>
    public IRuntimeWriter OpenWriter() =>
        new SqliteRuntimeWriter(database.OpenConnection(), new WalCheckpointer(database.OpenConnection(), TimeSpan.FromMilliseconds(500)));

    public async Task<IReadOnlyDictionary<CounterKey, long>> ReadCountersAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, node, metric, value FROM counters WHERE journey_id = $j";
        command.Parameters.AddWithValue("$j", journeyId);
        var counters = new Dictionary<CounterKey, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counters[new CounterKey(journeyId, reader.GetInt32(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt64(3);
        }

        return counters;
    }

    public async Task<IReadOnlyList<InstanceState>> ReadInstancesAsync(string journeyId, string profileId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteRuntimeWriter.StateColumns} FROM instances WHERE journey_id = $j AND profile_id = $p
            ORDER BY status = 'active' DESC, started_at DESC, instance_id DESC LIMIT $n
            """;
        command.Parameters.AddWithValue("$j", journeyId);
        command.Parameters.AddWithValue("$p", profileId);
        command.Parameters.AddWithValue("$n", limit);
        var states = new List<InstanceState>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(SqliteRuntimeWriter.ReadState(reader));
        }

        return states;
    }

    public async Task<IReadOnlyList<StepEvent>> ReadStepsAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT first_seq, events FROM steps WHERE instance_id = $i ORDER BY first_seq";
        command.Parameters.AddWithValue("$i", instanceId);
        var steps = new List<StepEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.AddRange(StepEventsCodec.Read((byte[])reader.GetValue(1), reader.GetInt64(0)));
        }

        return steps;
    }

    public async Task<long> CountActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM instances WHERE status = 'active'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM runtime_meta";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
