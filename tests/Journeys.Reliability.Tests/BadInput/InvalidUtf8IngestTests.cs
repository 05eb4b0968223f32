using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Journeys.Reliability.Tests.Support;

namespace Journeys.Reliability.Tests.BadInput;

/// <summary>
/// Regression (found by the hostile-events run): System.Text.Json reads invalid UTF-8 inside strings and property
/// names without complaint, so an ingest body with broken bytes was routed and entered journeys. SPEC §6 bodies are
/// UTF-8 JSON; such a body is malformed and must be refused whole with 400, like any other malformed JSON.
/// </summary>
public sealed class InvalidUtf8IngestTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("occurredAt", "\"occurred\xF8\x88\x80\x80\x80At\": \"2026-11-23T10:00:00Z\"")]
    [InlineData("string value", "\"occurredAt\": \"2026-11-23T10:00:00Z\", \"note\": \"caf\xC3\x28\"")]
    [InlineData("lone surrogate", "\"occurredAt\": \"2026-11-23T10:00:00Z\", \"note\": \"\xED\xA0\x80\"")]
    public async Task An_ingest_body_with_invalid_utf8_is_refused_with_400_and_enters_nothing(string where, string tail)
    {
        var api = fixture.Host.Api;
        var id = "utf8-" + where.Replace(' ', '-');
        await EnsureJourneyAsync(api);
        var head = Encoding.UTF8.GetBytes($$"""{ "id": "{{id}}", "type": "utf8.probe", "profile": "{{id}}", """);
        var body = head.Concat(tail.Select(c => (byte)c)).Concat("}"u8.ToArray()).ToArray();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await api.Ingest.PostAsync("/api/ingest", content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("JSON_MALFORMED", (string?)JsonNode.Parse(text)!["errors"]![0]!["code"]);
        Assert.Equal(0, (await api.ReportAsync("utf8-probe")).Versions[0].Entered);
    }

    /// <summary>
    /// Issue 11 item 1: a lone UTF-16 surrogate escape is valid UTF-8 and well-formed JSON, but not text. It answered
    /// 500 for the whole batch; now that event alone is refused with its reason and the others are applied.
    /// </summary>
    [Fact]
    public async Task A_lone_surrogate_escape_refuses_only_its_event_and_never_answers_5xx()
    {
        var api = fixture.Host.Api;
        await EnsureJourneyAsync(api);
        var body = """
            [ { "id": "surrogate-good", "type": "utf8.probe", "profile": "surrogate-good" },
              { "id": "surrogate-bad", "type": "utf8.probe", "profile": "surrogate-bad", "note": "a\ud800b" } ]
            """;

        using var response = await api.Ingest.PostAsync("/api/ingest", JourneysApiClient.Json(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var results = JsonNode.Parse(text)!["results"]!.AsArray();
        Assert.Equal("utf8-probe", (string?)results[0]!["entered"]![0]);
        Assert.Empty(results[1]!["entered"]!.AsArray());
        Assert.Equal("invalidEvent", (string?)results[1]!["discarded"]![0]!["reason"]);
        Assert.Contains("$.note", (string?)results[1]!["discarded"]![0]!["message"], StringComparison.Ordinal);
        Assert.True((await api.ReportAsync("utf8-probe")).Versions[0].Discarded.GetValueOrDefault("invalidEvent") >= 1);
    }

    private static async Task EnsureJourneyAsync(JourneysApiClient api)
    {
        await api.PutOkAsync("/api/events/utf8.probe", """
            { "match": "type == 'utf8.probe'", "profileId": "profile", "eventKey": "id",
              "fields": { "id": "string", "type": "string", "profile": "string", "occurredAt": "datetime" }, "required": ["id", "profile"] }
            """);
        await api.PutOkAsync("/api/journeys/utf8-probe", """
            { "name": "utf8 probe", "entry": "utf8.probe", "start": "done", "nodes": { "done": { "type": "end" } } }
            """);
        using var journey = await api.Admin.GetAsync("/api/journeys/utf8-probe");
        if (JsonNode.Parse(await journey.Content.ReadAsStringAsync())!["liveVersion"] is null)
        {
            await api.PublishAsync("utf8-probe");
        }
    }
}
