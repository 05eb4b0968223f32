using System.Net;
using JourneyFunctions.Tests.Azurite;
using Journeys.TestSupport.Api;
using Journeys.TestSupport.Azurite;

namespace JourneyFunctions.Tests.Http;

/// <summary>
/// The Functions app's side of SPEC §6 that the shared contract cannot state: which function serves each route at
/// which authorization level, and how the key model of docs/azure.md splits admin from ingest rights (a host key is
/// the admin key; a key of the <c>Ingest</c> function is the ingest key; any other function's key opens that function only).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionKeyTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_route_of_spec_6_is_one_function_with_a_key_except_health()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);

        var table = app.Host.Functions
            .SelectMany(f => f.Methods.Select(method => $"{method.ToUpperInvariant()} {f.Route} {f.AuthorizationLevel} {f.Name}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
        [
            "DELETE api/actions/{id} Function DeleteAction",
            "DELETE api/datasources/{id} Function DeleteDataSource",
            "DELETE api/events/{id} Function DeleteEvent",
            "GET api/actions Function ListActions",
            "GET api/actions/{id} Function GetAction",
            "GET api/datasources Function ListDataSources",
            "GET api/datasources/{id} Function GetDataSource",
            "GET api/events Function ListEvents",
            "GET api/events/{id} Function GetEvent",
            "GET api/health Anonymous Health",
            "GET api/journeys Function ListJourneys",
            "GET api/journeys/{id} Function GetJourney",
            "GET api/journeys/{id}/instances/{profileId} Function GetInstance",
            "GET api/journeys/{id}/report Function GetReport",
            "POST api/ingest Function Ingest",
            "POST api/journeys/{id}/close Function CloseJourney",
            "POST api/journeys/{id}/publish Function PublishJourney",
            "POST api/journeys/{id}/simulate Function SimulateJourney",
            "POST api/journeys/{id}/stop Function StopJourney",
            "POST api/journeys/{id}/validate Function ValidateJourney",
            "PUT api/actions/{id} Function PutAction",
            "PUT api/datasources/{id} Function PutDataSource",
            "PUT api/events/{id} Function PutEvent",
            "PUT api/journeys/{id} Function PutJourney",
        ], table);
    }

    [Fact]
    public async Task Keys_are_also_taken_from_the_code_query_parameter()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        using var client = app.Client(key: null);

        using var ingest = await client.PostAsync($"/api/ingest?code={FunctionsApp.IngestKey}", ApiUnderTest.Json("[]"));
        using var list = await client.GetAsync($"/api/events?code={FunctionsApp.AdminKey}");
        using var refused = await client.GetAsync($"/api/events?code={FunctionsApp.IngestKey}");

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_key_of_one_management_function_opens_that_function_only()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        using var client = app.Client(FunctionsApp.PutEventKey);

        using var put = await client.PutAsync("/api/events/cart.abandoned", ApiUnderTest.Json(SampleFiles.Read("events/cart.abandoned.json")));
        using var get = await client.GetAsync("/api/events/cart.abandoned");
        using var ingest = await client.PostAsync("/api/ingest", ApiUnderTest.Json("[]"));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ingest.StatusCode);
    }

    [Fact]
    public async Task The_master_key_reaches_management_and_ingest()
    {
        await using var app = await FunctionsApp.StartAsync(azurite);
        using var client = app.Client(FunctionsApp.MasterKey);

        using var list = await client.GetAsync("/api/journeys");
        using var ingest = await client.PostAsync("/api/ingest", ApiUnderTest.Json("[]"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
    }
}
