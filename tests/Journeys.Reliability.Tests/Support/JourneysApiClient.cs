using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Journeys.Api.Security;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;

namespace Journeys.Reliability.Tests.Support;

/// <summary>The HTTP API of one host as an admin and as a producer would use it, over loopback.</summary>
internal sealed class JourneysApiClient : IDisposable
{
    public JourneysApiClient(Uri baseUri, string adminKey, string ingestKey)
    {
        Admin = Create(baseUri, adminKey);
        Ingest = Create(baseUri, ingestKey);
        Anonymous = Create(baseUri, null);
    }

    public HttpClient Admin { get; }

    public HttpClient Ingest { get; }

    public HttpClient Anonymous { get; }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task PutOkAsync(string path, string json)
    {
        using var response = await Admin.PutAsync(path, Json(json));
        await EnsureAsync(response, "PUT " + path);
    }

    public async Task PublishAsync(string journeyId)
    {
        using var response = await Admin.PostAsync($"/api/journeys/{journeyId}/publish", null);
        await EnsureAsync(response, "publish " + journeyId);
    }

    public async Task<IngestResponse> IngestAsync(IEnumerable<string> events)
    {
        using var response = await Ingest.PostAsync("/api/ingest", Json("[" + string.Join(',', events) + "]"));
        await EnsureAsync(response, "ingest");
        return (await response.Content.ReadFromJsonAsync(IngestionJsonContext.Default.IngestResponse))!;
    }

    public async Task<JourneyReport> ReportAsync(string journeyId) =>
        (await Admin.GetFromJsonAsync($"/api/journeys/{journeyId}/report", ReportingJsonContext.Default.JourneyReport))!;

    public async Task<JsonNode> InstanceAsync(string journeyId, string profileId) =>
        JsonNode.Parse(await Admin.GetStringAsync($"/api/journeys/{journeyId}/instances/{Uri.EscapeDataString(profileId)}"))!;

    public async Task<bool> HealthyAsync()
    {
        try
        {
            using var response = await Anonymous.GetAsync("/api/health");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Admin.Dispose();
        Ingest.Dispose();
        Anonymous.Dispose();
    }

    private static HttpClient Create(Uri baseUri, string? key)
    {
        var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeys.HeaderName, key);
        }

        return client;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
