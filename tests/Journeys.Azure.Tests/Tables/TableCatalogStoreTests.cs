using Azure.Data.Tables;
using Journeys.Azure.Tables;
using Journeys.Azure.Tests.Azurite;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Azurite;

namespace Journeys.Azure.Tests.Tables;

/// <summary>The catalog contract on the Table store, over a real Table service (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCatalogStoreTests(AzuriteFixture azurite) : CatalogStoreContract
{
    protected override Task<ICatalogStore> CreateStoreAsync() =>
        Task.FromResult<ICatalogStore>(new TableCatalogStore(new JourneyTables(new TableServiceClient(azurite.ConnectionString))));
}
