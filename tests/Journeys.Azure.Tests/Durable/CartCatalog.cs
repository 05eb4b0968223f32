using Journeys.Embedded.Storage;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Catalog;

namespace Journeys.Azure.Tests.Durable;

/// <summary>A catalog on a temp SQLite file holding the samples, with abandoned-cart published (version 1).</summary>
internal sealed class CartCatalog : IDisposable
{
    private readonly string folder;
    private readonly SqliteDatabase database;

    private CartCatalog(string folder, SqliteDatabase database, CatalogService service)
    {
        this.folder = folder;
        this.database = database;
        Service = service;
    }

    public CatalogService Service { get; }

    /// <summary>The catalog's database, for a test that changes it behind the catalog's checks.</summary>
    public SqliteDatabase Database => database;

    public static async Task<CartCatalog> CreateAsync(IEnumerable<IJourneyLifecycleObserver>? observers = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "journeys-durable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteDatabase(Path.Combine(folder, "journeys.db"));
        var service = new CatalogService(await SqliteCatalogStore.OpenAsync(database), observers: observers);
        var samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));
        foreach (var (id, body) in samples.Events)
        {
            Assert.True((await service.PutEventDefinitionAsync(id, body)).Succeeded);
        }

        foreach (var (id, body) in samples.DataSources)
        {
            Assert.True((await service.PutDataSourceAsync(id, body)).Succeeded);
        }

        foreach (var (id, body) in samples.Actions)
        {
            Assert.True((await service.PutCustomActionAsync(id, body)).Succeeded);
        }

        Assert.True((await service.PutJourneyDraftAsync("abandoned-cart", samples.Journeys["abandoned-cart"])).Succeeded);
        Assert.True((await service.PublishJourneyAsync("abandoned-cart")).Succeeded);
        return new CartCatalog(folder, database, service);
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
