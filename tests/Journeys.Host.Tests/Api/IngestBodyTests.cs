using System.Net;
using System.Text;
using System.Text.Json;
using Journeys.Host.Tests.Support;
using Journeys.Runtime.Ingestion;
using Moq;

namespace Journeys.Host.Tests.Api;

/// <summary>Issue 11 item 11: ingest bodies that are JSON of a kind the contract refuses, each with a message that says why.</summary>
public sealed class IngestBodyTests
{
    [Fact]
    public async Task An_event_with_a_duplicate_property_gets_an_error_result_and_the_others_are_routed()
    {
        await using var api = await ApiHost.StartAsync();
        var routed = new List<string>();
        api.Runtime!.Setup(r => r.IngestAsync(It.IsAny<IReadOnlyList<JsonElement>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyList<JsonElement> events, CancellationToken _) =>
            {
                routed.AddRange(events.Select(e => e.GetProperty("id").GetString()!));
                return events.Select(_ => new IngestResult { Matched = ["cart.abandoned"] }).ToList();
            });

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json("""
            [ { "id": "e1", "type": "cart.abandoned" },
              { "id": "e2", "type": "cart.abandoned", "customer": { "id": "a", "id": "b" } } ]
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["e1"], routed);
        var results = (await response.JsonAsync())["results"]!.AsArray();
        Assert.Null((string?)results[0]!["error"]);
        var error = (string)results[1]!["error"]!;
        Assert.Contains("$[1].customer", error, StringComparison.Ordinal);
        Assert.Contains("'id'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_event_with_a_duplicate_property_is_not_routed()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json("""{ "id": "e1", "type": "cart.abandoned", "type": "order.placed" }"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("'type'", (string)(await response.JsonAsync())["results"]![0]!["error"]!, StringComparison.Ordinal);
        api.Runtime!.VerifyNoOtherCalls();
    }
}
