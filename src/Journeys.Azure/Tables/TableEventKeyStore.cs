using Azure;
using Azure.Data.Tables;
using Journeys.Azure.Durable;

namespace Journeys.Azure.Tables;

/// <summary>
/// <see cref="IEventKeyStore"/>: one entity per (event, key), PartitionKey = event id. Table Storage has no expiry, so
/// the retention window is applied on read: a key older than <see cref="Retention"/> is taken over, not a duplicate.
/// </summary>
public sealed class TableEventKeyStore(JourneyTables tables) : IEventKeyStore
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async Task<bool> TryRecordAsync(string eventId, string eventKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(JourneyTables.EventKeys);
        var entity = new TableEntity(eventId, TableKeys.Escape(eventKey)) { ["RecordedAt"] = now };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue || existing.Value!.GetDateTimeOffset("RecordedAt") is not { } recordedAt || now - recordedAt < Retention)
            {
                return false;
            }

            try
            {
                // Conditional on the ETag read: of two late redeliveries racing here, one wins.
                await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                return false;
            }
        }
    }
}
