using Journeys.Catalog;
using Journeys.Storage.Sqlite.Tests.Catalog;

namespace Journeys.Storage.Sqlite.Tests;

/// <summary>The <see cref="ICatalogStore"/> contract on a real SQLite file; each handle has its own connections, as another process.</summary>
public sealed class SqliteCatalogStoreContractTests : CatalogStoreContract
{
    private readonly TempDatabase files = new();

    protected override async Task<ICatalogStore> OpenStoreAsync() => await SqliteCatalogStore.OpenAsync(files.Open());

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        files.Dispose();
    }
}
