using Azure.Data.Tables;
using Journeys.Azure.Durable;

namespace Journeys.Azure.Tables;

/// <summary><see cref="IExitStore"/>: PartitionKey = journey id, RowKey = escaped profile id, property EndedAt.</summary>
public sealed class TableExitStore(JourneyTables tables) : IExitStore
{
    public async Task<DateTimeOffset?> GetLastExitAsync(string journeyId, string profileId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(JourneyTables.Exits);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(journeyId, TableKeys.Escape(profileId), cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetDateTimeOffset("EndedAt") : null;
    }

    public async Task RecordExitAsync(string journeyId, string profileId, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(JourneyTables.Exits);
        await table.UpsertEntityAsync(new TableEntity(journeyId, TableKeys.Escape(profileId)) { ["EndedAt"] = endedAt }, TableUpdateMode.Replace, cancellationToken);
    }
}
