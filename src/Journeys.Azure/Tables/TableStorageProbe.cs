using Azure.Data.Tables;
using Journeys.Azure.Durable;

namespace Journeys.Azure.Tables;

/// <summary><see cref="IStorageProbe"/>: one point query on the catalog table (needs only the data role the app has).</summary>
public sealed class TableStorageProbe(JourneyTables tables) : IStorageProbe
{
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(JourneyTables.Catalog);
        await table.GetEntityIfExistsAsync<TableEntity>("health", "probe", cancellationToken: cancellationToken);
    }
}
