using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Connectors;
using Journeys.TestSupport.Storage;

namespace Journeys.TestSupport.Catalog;

/// <summary>The catalogs over a <see cref="SqliteCatalogStore"/> on a fresh temp file.</summary>
public sealed class CatalogHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private CatalogHarness(TempDatabase files, SqliteCatalogStore store)
    {
        Files = files;
        Store = store;
        Catalog = NewCatalog(store);
    }

    public TempDatabase Files { get; }

    public SqliteCatalogStore Store { get; }

    public FakeValidator Validator { get; } = new();

    public ManualClock Clock { get; } = new(Start);

    public RecordingObserver Observer { get; } = new();

    public CatalogUnderTest Catalog { get; }

    public static async Task<CatalogHarness> CreateAsync()
    {
        var files = new TempDatabase();
        return new CatalogHarness(files, await SqliteCatalogStore.OpenAsync(files.Open()));
    }

    /// <summary>Other catalogs on the same file through its own database object and connections, as another process.</summary>
    public async Task<CatalogUnderTest> OpenAnotherAsync() => NewCatalog(await SqliteCatalogStore.OpenAsync(Files.Open()));

    /// <summary>Stores the configuration <see cref="Samples.Cart"/> uses.</summary>
    public async Task PutCartConfigurationAsync()
    {
        Assert.True((await Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned())).Succeeded);
        Assert.True((await Catalog.Events.PutAsync("order.placed", Samples.OrderPlaced())).Succeeded);
        Assert.True((await Catalog.DataSources.PutAsync("loyalty", Samples.Loyalty())).Succeeded);
        Assert.True((await Catalog.Actions.PutAsync("send-email", Samples.SendEmail())).Succeeded);
    }

    public void Dispose() => Files.Dispose();

    private CatalogUnderTest NewCatalog(ICatalogStore store) => new(store, Validator, Clock, [Observer]);
}
