using System.Net;
using Journeys.Api;

namespace Journeys.TestSupport.Api;

/// <summary>
/// What the management API of SPEC §6 answers on every host: routes and methods, status codes, problem+json bodies
/// with their codes, ETags and preconditions, body limits (413), and key rights. Derived once per host (the embedded
/// host in Journeys.Host.Tests, the Functions app in JourneyFunctions.Tests), each test on a fresh host with an empty
/// catalog and its real runtime. The few answers that differ by design (a host that refuses a request before our code
/// runs) are the abstract <c>Assert…</c> members, implemented and explained by each host.
/// </summary>
public abstract partial class ManagementApiContract
{
    /// <summary>A fresh host (empty catalog, real runtime) with the API limits <paramref name="configure"/> sets.</summary>
    protected abstract Task<ApiUnderTest> StartAsync(Action<ApiOptions>? configure = null);

    /// <summary>
    /// The answer to a key that does not grant the route: none, an unknown one, or the ingest key on a management
    /// route. <paramref name="problemCode"/> is the code our own key check gives (<c>UNAUTHORIZED</c>,
    /// <c>ADMIN_KEY_REQUIRED</c>).
    /// </summary>
    protected abstract Task AssertKeyRefusedAsync(HttpResponseMessage response, string problemCode);

    /// <summary>The answer to a path no route has.</summary>
    protected abstract Task AssertNoSuchRouteAsync(HttpResponseMessage response);

    /// <summary>The answer to a route's path with a method it does not have.</summary>
    protected abstract Task AssertMethodNotAllowedAsync(HttpResponseMessage response);

    /// <summary>Defines the events, data source and action the abandoned-cart sample uses (from samples/).</summary>
    public static async Task DefineAbandonedCartConfigurationAsync(HttpClient admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        foreach (var (path, sample) in new[]
        {
            ("/api/events/cart.abandoned", "events/cart.abandoned.json"),
            ("/api/events/order.placed", "events/order.placed.json"),
            ("/api/datasources/loyalty", "datasources/loyalty.json"),
            ("/api/actions/send-email", "actions/send-email.json"),
        })
        {
            using var response = await admin.PutAsync(path, ApiUnderTest.Json(SampleFiles.Read(sample)));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    /// <summary>The abandoned-cart configuration and its journey as a draft.</summary>
    protected static async Task DefineAbandonedCartDraftAsync(ApiUnderTest api)
    {
        ArgumentNullException.ThrowIfNull(api);
        await DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    /// <summary>The abandoned-cart journey published as version 1.</summary>
    protected static async Task PublishAbandonedCartAsync(ApiUnderTest api)
    {
        await DefineAbandonedCartDraftAsync(api);
        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
    }
}
