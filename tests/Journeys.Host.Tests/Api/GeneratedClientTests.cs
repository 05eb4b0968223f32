using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>
/// Issue 11 item 12: the OpenAPI document is usable by a tool nobody here wrote. NSwag generates a C# client from
/// it, Roslyn compiles it, and that client sets up the abandoned-cart journey on a real host, publishes it and
/// ingests an event, each call with the key its operation's security requirement names.
/// </summary>
public sealed class GeneratedClientTests
{
    [Fact]
    public async Task A_client_generated_from_the_document_walks_the_abandoned_cart_setup()
    {
        await using var api = await ApiHost.StartAsync(mockRuntime: false);
        var json = await api.Anonymous.GetStringAsync("/api/openapi.json");
        var client = await GeneratedClient.CreateAsync(json, api.Host.Addresses.Single(), new Dictionary<string, HttpClient>
        {
            ["adminKey"] = api.Admin,
            ["ingestKey"] = api.Ingest,
        });
        Assert.Equal("ingestKey", client.SchemeOf("Ingest"));
        Assert.Equal("adminKey", client.SchemeOf("PublishJourney"));

        await client.CallAsync("PutEvent", Id("cart.abandoned"), SampleFiles.Read("events/cart.abandoned.json"));
        await client.CallAsync("PutEvent", Id("order.placed"), SampleFiles.Read("events/order.placed.json"));
        await client.CallAsync("PutDataSource", Id("loyalty"), SampleFiles.Read("datasources/loyalty.json"));
        await client.CallAsync("PutAction", Id("send-email"), SampleFiles.Read("actions/send-email.json"));
        await client.CallAsync("PutJourney", Id("abandoned-cart"), SampleFiles.Read("journeys/abandoned-cart.json"));

        dynamic validation = (await client.CallAsync("ValidateJourney", Id("abandoned-cart")))!;
        Assert.True((bool)validation.Valid);
        dynamic published = (await client.CallAsync("PublishJourney", Id("abandoned-cart")))!;
        Assert.Equal(1, (int)published.Version);

        dynamic ingested = (await client.CallAsync("Ingest", new Dictionary<string, string>(), """
            { "id": "e1", "type": "cart.abandoned", "customer": { "id": "shopper-1", "email": "one@example.com" }, "cart": { "id": "k1", "total": 120 } }
            """))!;
        dynamic result = ingested.Results[0];
        Assert.Equal("e1", (string)result.EventKey);
        Assert.Equal("abandoned-cart", (string)result.Entered[0]);

        dynamic instance = (await client.CallAsync("GetInstance", new Dictionary<string, string> { ["id"] = "abandoned-cart", ["profileId"] = "shopper-1" }))!;
        Assert.Equal("await-order", (string)instance.Node);
    }

    private static Dictionary<string, string> Id(string id) => new() { ["id"] = id };
}
