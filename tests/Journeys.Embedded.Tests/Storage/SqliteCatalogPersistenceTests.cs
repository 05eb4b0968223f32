using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Catalog;
using Journeys.TestSupport.Connectors;
using Journeys.TestSupport.Storage;

namespace Journeys.Embedded.Tests.Storage;

public sealed class SqliteCatalogPersistenceTests
{
    [Fact]
    public async Task Reopening_the_file_keeps_everything()
    {
        using var files = new TempDatabase();
        string etag;
        string draftETag;
        var first = files.Open();
        {
            var service = new CatalogUnderTest(await SqliteCatalogStore.OpenAsync(first), new FakeValidator(), new ManualClock(CatalogHarness.Start));
            etag = (await service.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("kept"))).Value!.Value.ETag;
            await service.DataSources.PutAsync("loyalty", Samples.Loyalty());
            await service.Actions.PutAsync("send-email", Samples.SendEmail());
            await service.Journeys.PutDraftAsync("cart", Samples.Cart("v1"));
            await service.Journeys.PublishAsync("cart");
            await service.Journeys.PutDraftAsync("cart", Samples.Cart("v2"));
            await service.Journeys.PublishAsync("cart");
            draftETag = (await service.Journeys.PutDraftAsync("cart", Samples.Cart("draft 3"))).Value!.Value.DraftETag;
            await service.Journeys.PutDraftAsync("gone", Samples.ThankYou());
            await service.Journeys.PublishAsync("gone");
            await service.Journeys.StopAsync("gone");
        }

        first.Dispose();
        using var second = files.Open();
        var reopened = new CatalogUnderTest(await SqliteCatalogStore.OpenAsync(second), new FakeValidator());

        var cart = (await reopened.Journeys.GetAsync("cart")).Value!;
        Assert.Equal("draft 3", cart.Draft.Name);
        Assert.Equal(draftETag, cart.DraftETag);
        Assert.Equal(JourneyStatus.Live, cart.Status);
        Assert.Equal(2, cart.LiveVersion);
        Assert.Equal([(1, JourneyVersionStatus.Closed), (2, JourneyVersionStatus.Live)], cart.Versions.Select(v => (v.Version, v.Status)));
        Assert.Equal("v1", (await reopened.Journeys.GetVersionAsync("cart", 1)).Value!.Definition.Name);
        Assert.Equal("v2", (await reopened.Journeys.GetLiveVersionAsync("cart"))!.Definition.Name);
        Assert.Equal(JourneyStatus.Stopped, (await reopened.Journeys.GetAsync("gone")).Value!.Status);
        var stored = (await reopened.Events.GetAsync("cart.abandoned")).Value!;
        Assert.Equal("kept", stored.Body.Description);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal(CatalogHarness.Start, stored.UpdatedAt);
        Assert.Equal(["loyalty"], (await reopened.DataSources.ListAsync()).Select(s => s.Id));
        Assert.Equal(["send-email"], (await reopened.Actions.ListAsync()).Select(a => a.Id));
        Assert.Equal(3, (await reopened.Journeys.PublishAsync("cart")).Value?.LiveVersion);
    }
}
