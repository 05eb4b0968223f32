using System.Net;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.Api;

/// <summary>
/// The embedded host's own key checks beyond ManagementApiContract: a refused ingest reaches no runtime; the OpenAPI
/// document needs no key.
/// </summary>
public sealed class ApiKeyTests
{
    [Fact]
    public async Task Ingest_refuses_a_missing_or_wrong_key_before_reading_anything()
    {
        await using var api = await ApiHost.StartAsync();
        using var missing = await api.Anonymous.PostAsync("/api/ingest", ApiHost.Json("[]"));
        await missing.ProblemAsync(401);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = ApiHost.Json("[]") };
        wrong.Headers.Add("x-api-key", ApiHost.IngestKey + "x");
        using var wrongResponse = await api.Anonymous.SendAsync(wrong);
        await wrongResponse.ProblemAsync(401);
        api.Runtime!.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_openapi_document_needs_no_key()
    {
        await using var api = await ApiHost.StartAsync();
        using var response = await api.Anonymous.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
