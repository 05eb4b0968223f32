using Azure.Data.Tables;
using Journeys.Azure.Tables;
using Journeys.Azure.Tests.Azurite;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Azurite;
using Journeys.TestSupport.Catalog;

namespace Journeys.Azure.Tests.Tables;

/// <summary>
/// The <see cref="ICatalogStore"/> contract on the Table store over a real Table service (Azurite). Each test has its
/// own table-name prefix, so its store starts empty; each handle has its own service client, as another process.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCatalogStoreContractTests(AzuriteFixture azurite) : CatalogStoreContract
{
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..12];

    protected override Task<ICatalogStore> OpenStoreAsync() =>
        Task.FromResult<ICatalogStore>(new TableCatalogStore(new JourneyTables(new TableServiceClient(azurite.ConnectionString), prefix)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(prefix + JourneyTables.Catalog);
    }
}
