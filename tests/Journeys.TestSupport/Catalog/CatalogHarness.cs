using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Connectors;
using Journeys.TestSupport.Storage;

namespace Journeys.TestSupport.Catalog;

/// <summary>A <see cref="CatalogService"/> over a <see cref="SqliteCatalogStore"/> on a fresh temp file.</summary>
public sealed class CatalogHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private CatalogHarness(TempDatabase files, SqliteCatalogStore store)
    {
        Files = files;
        Store = store;
        Service = NewService(store);
    }

    public TempDatabase Files { get; }

    public SqliteCatalogStore Store { get; }

    public FakeValidator Validator { get; } = new();

    public ManualClock Clock { get; } = new(Start);

    public RecordingObserver Observer { get; } = new();

    public CatalogService Service { get; }

    public static async Task<CatalogHarness> CreateAsync()
    {
        var files = new TempDatabase();
        return new CatalogHarness(files, await SqliteCatalogStore.OpenAsync(files.Open()));
    }

    /// <summary>Another service on the same file through its own database object and connections, as another process.</summary>
    public async Task<CatalogService> OpenAnotherAsync() => NewService(await SqliteCatalogStore.OpenAsync(Files.Open()));

    /// <summary>Stores the configuration <see cref="Samples.Cart"/> uses.</summary>
    public async Task PutCartConfigurationAsync()
    {
        Assert.True((await Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned())).Succeeded);
        Assert.True((await Service.PutEventDefinitionAsync("order.placed", Samples.OrderPlaced())).Succeeded);
        Assert.True((await Service.PutDataSourceAsync("loyalty", Samples.Loyalty())).Succeeded);
        Assert.True((await Service.PutCustomActionAsync("send-email", Samples.SendEmail())).Succeeded);
    }

    public void Dispose() => Files.Dispose();

    private CatalogService NewService(ICatalogStore store) => new(store, Validator, Clock, [Observer]);
}
