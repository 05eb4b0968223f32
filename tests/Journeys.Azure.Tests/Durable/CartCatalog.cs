using Journeys.Core.Model;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Catalog;

namespace Journeys.Azure.Tests.Durable;

/// <summary>A catalog on a temp SQLite file holding the samples, with abandoned-cart published (version 1).</summary>
internal sealed class CartCatalog : IDisposable
{
    private readonly string folder;
    private readonly SqliteDatabase database;

    private CartCatalog(string folder, SqliteDatabase database, CatalogUnderTest catalog)
    {
        this.folder = folder;
        this.database = database;
        Journeys = catalog.Journeys;
        Actions = catalog.Actions;
    }

    public JourneyCatalog Journeys { get; }

    public ResourceCatalog<CustomAction> Actions { get; }

    /// <summary>The catalog's database, for a test that changes it behind the catalog's checks.</summary>
    public SqliteDatabase Database => database;

    public static async Task<CartCatalog> CreateAsync(IEnumerable<IJourneyLifecycleObserver>? observers = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "journeys-durable-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteDatabase(Path.Combine(folder, "journeys.db"));
        var service = new CatalogUnderTest(await SqliteCatalogStore.OpenAsync(database), observers: observers);
        var samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));
        foreach (var (id, body) in samples.Events)
        {
            Assert.True((await service.Events.PutAsync(id, body)).Succeeded);
        }

        foreach (var (id, body) in samples.DataSources)
        {
            Assert.True((await service.DataSources.PutAsync(id, body)).Succeeded);
        }

        foreach (var (id, body) in samples.Actions)
        {
            Assert.True((await service.Actions.PutAsync(id, body)).Succeeded);
        }

        Assert.True((await service.Journeys.PutDraftAsync("abandoned-cart", samples.Journeys["abandoned-cart"])).Succeeded);
        Assert.True((await service.Journeys.PublishAsync("abandoned-cart")).Succeeded);
        return new CartCatalog(folder, database, service);
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
