using Azure;
using Azure.Data.Tables;
using Journeys.Azure.Durable;
using Journeys.Runtime.Reporting;

namespace Journeys.Azure.Tables;

/// <summary>
/// <see cref="ICounterStore"/>: one entity per counter, PartitionKey = journey id, RowKey =
/// <c>{version}|{node}|{metric}</c>. Increments are ETag-conditional read-modify-writes retried on conflict, so
/// concurrent activities never lose an update.
/// </summary>
public sealed class TableCounterStore(JourneyTables tables) : ICounterStore
{
    private const int MaxAttempts = 10;

    public async Task AddAsync(IReadOnlyDictionary<CounterKey, long> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var table = await tables.GetAsync(JourneyTables.Counters);
        foreach (var (key, delta) in deltas)
        {
            await AddOneAsync(table, key, delta, cancellationToken);
        }
    }

    public async Task<IReadOnlyDictionary<CounterKey, long>> GetAsync(string journeyId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(JourneyTables.Counters);
        var counters = new Dictionary<CounterKey, long>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {journeyId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var parts = entity.RowKey.Split('|', 3);
            if (parts.Length == 3 && int.TryParse(parts[0], out var version))
            {
                counters[new CounterKey(journeyId, version, parts[1], parts[2])] = entity.GetInt64("Value") ?? 0;
            }
        }

        return counters;
    }

    private static async Task AddOneAsync(TableClient table, CounterKey key, long delta, CancellationToken cancellationToken)
    {
        var rowKey = $"{key.Version}|{key.Node}|{key.Metric}";
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(key.JourneyId, rowKey, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await table.AddEntityAsync(new TableEntity(key.JourneyId, rowKey) { ["Value"] = delta }, cancellationToken);
                    return;
                }

                var entity = current.Value!;
                var value = entity.GetInt64("Value") ?? 0;
                var next = key.IsMaximum ? Math.Max(value, delta) : value + delta;
                if (next == value)
                {
                    return;
                }

                entity["Value"] = next;
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another writer got there first: read again and re-apply.
            }
        }
    }
}
