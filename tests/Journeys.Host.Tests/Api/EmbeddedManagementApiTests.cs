using Journeys.Api;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>
/// The management API contract on the embedded host: real loopback HTTP, a fresh SQLite file and the real engine per
/// test. Our own key filter and error middleware answer every refusal, so each is a problem document with its code.
/// </summary>
public sealed class EmbeddedManagementApiTests : ManagementApiContract
{
    protected override async Task<ApiUnderTest> StartAsync(Action<ApiOptions>? configure = null)
    {
        var host = await ApiHost.StartAsync(
            options =>
            {
                configure?.Invoke(options.Api);
                options.Configuration["Journeys:Secrets:MAILER_TOKEN"] = ApiUnderTest.MailerToken;
                options.Configuration["Journeys:Secrets:LOYALTY_KEY"] = ApiUnderTest.LoyaltyKey;
            },
            mockRuntime: false);
        var wrongKey = new HttpClient { BaseAddress = host.Admin.BaseAddress };
        wrongKey.DefaultRequestHeaders.Add("x-api-key", "not-a-key");
        return new ApiUnderTest(host.Admin, host.Ingest, host.Anonymous, wrongKey, host.DisposeAsync);
    }

    protected override async Task AssertKeyRefusedAsync(HttpResponseMessage response, string problemCode) =>
        Assert.Equal([problemCode], (await response.ProblemAsync(401)).Codes());

    protected override async Task AssertNoSuchRouteAsync(HttpResponseMessage response) =>
        Assert.Equal(["ROUTE_NOT_FOUND"], (await response.ProblemAsync(404)).Codes());

    protected override async Task AssertMethodNotAllowedAsync(HttpResponseMessage response) =>
        Assert.Equal(["METHOD_NOT_ALLOWED"], (await response.ProblemAsync(405)).Codes());
}
