using System.Net;
using JourneyFunctions.Tests.Azurite;
using Journeys.Api;
using Journeys.TestSupport.Api;
using Journeys.TestSupport.Azurite;

namespace JourneyFunctions.Tests.Http;

/// <summary>
/// The management API contract through the Functions app's HTTP functions: real <see cref="Microsoft.AspNetCore.Http.HttpRequest"/>s
/// routed, key-checked and invoked by <see cref="FunctionsHttpHost"/> as the Functions host does, over Table Storage on
/// Azurite and an in-memory Durable engine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionsManagementApiTests(AzuriteFixture azurite) : ManagementApiContract
{
    protected override async Task<ApiUnderTest> StartAsync(Action<ApiOptions>? configure = null) =>
        (await FunctionsApp.StartAsync(azurite, configure)).ForContract();

    /// <summary>
    /// By design: the Functions host checks function keys before the worker runs and answers an empty 401 itself, so
    /// there is no problem document and no code; an ingest key on a management function is just a key that function
    /// does not know.
    /// </summary>
    protected override Task AssertKeyRefusedAsync(HttpResponseMessage response, string problemCode) => AssertEmptyAsync(response, HttpStatusCode.Unauthorized);

    /// <summary>By design: the Functions host's router answers an unknown path with an empty 404.</summary>
    protected override Task AssertNoSuchRouteAsync(HttpResponseMessage response) => AssertEmptyAsync(response, HttpStatusCode.NotFound);

    /// <summary>By design: the Functions host's router matches method and path together, so a wrong method is an empty 404 (no 405).</summary>
    protected override Task AssertMethodNotAllowedAsync(HttpResponseMessage response) => AssertEmptyAsync(response, HttpStatusCode.NotFound);

    private static async Task AssertEmptyAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
