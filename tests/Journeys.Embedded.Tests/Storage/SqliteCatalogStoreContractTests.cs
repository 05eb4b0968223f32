using Journeys.Embedded.Storage;
using Journeys.Embedded.Tests.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Catalog;
using Journeys.TestSupport.Storage;

namespace Journeys.Embedded.Tests.Storage;

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
