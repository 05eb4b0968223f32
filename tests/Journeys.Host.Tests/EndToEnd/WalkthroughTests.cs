using System.Net;
using System.Text.Json.Nodes;
using Journeys.Host.Demo;
using Journeys.Host.Serving;
using Journeys.Host.Tests.Support;

namespace Journeys.Host.Tests.EndToEnd;

/// <summary>
/// The README's walk-through against the real host: real SQLite file, the real engine, and a real loopback mailer
/// and loyalty service. The configuration PUTs and the ingest body are read from README.md itself (see
/// <see cref="ReadmeWalkthrough"/>), so the text and the test cannot drift apart. The report's counts must match
/// what was sent.
/// </summary>
public sealed class WalkthroughTests
{
    [Fact]
    public async Task The_readme_walkthrough_ends_with_a_report_that_matches_what_was_sent()
    {
        await using var mocks = await MockServices.StartAsync(CancellationToken.None);
        await using var api = await ApiHost.StartAsync(
            options =>
            {
                options.TimeScale = 36_000;
                options.Configuration["Journeys:Secrets:MAILER_TOKEN"] = "token"; // As the README exports them before serve.
                options.Configuration["Journeys:Secrets:LOYALTY_KEY"] = "key";
            },
            mockRuntime: false);
        var mock = mocks.BaseUri.ToString().TrimEnd('/');

        // 1. Define the events, the data source, the action and the journey: the README's PUTs, in its order, with the
        //    example.com services aimed at the loopback mocks as the README tells the reader to.
        Assert.Equal(5, ReadmeWalkthrough.Puts.Count);
        foreach (var (route, sample) in ReadmeWalkthrough.Puts)
        {
            var body = SampleFiles.Read(sample)
                .Replace("https://loyalty.example.com", mock, StringComparison.Ordinal)
                .Replace("https://mailer.example.com", mock, StringComparison.Ordinal);
            await Expect(HttpStatusCode.Created, api.PutAsync("/api/" + route, body));
        }

        // 2. Validate, 3. publish.
        var validation = await Json(api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/validate"));
        Assert.True(validation["valid"]!.GetValue<bool>());
        Assert.Equal("NODE_ACTION_NO_ERROR_NEXT", validation["warnings"]![0]!["code"]!.GetValue<string>());
        var published = await Json(api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish"));
        Assert.Equal(1, published["version"]!.GetValue<int>());

        // 4. Send the README's events: two shoppers abandon carts, shopper-2 orders, e1 is redelivered.
        using var ingest = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json(ReadmeWalkthrough.IngestBody));
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        var results = JsonNode.Parse(await ingest.Content.ReadAsStringAsync())!["results"]!.AsArray();
        Assert.Equal(4, results.Count);
        Assert.Equal("abandoned-cart", results[0]!["entered"]![0]!.GetValue<string>());
        Assert.Equal("abandoned-cart", results[1]!["entered"]![0]!.GetValue<string>());
        Assert.Equal("abandoned-cart", results[2]!["resumed"]![0]!.GetValue<string>());
        Assert.Equal("duplicate", results[3]!["discarded"]![0]!["reason"]!.GetValue<string>());

        // A third shopper, and an event the definition refuses (no customer, no cart).
        using var more = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json($"[{Cart("e5", "shopper-3", "k3", 75)}, {{ \"id\": \"e6\", \"type\": \"cart.abandoned\" }}]"));
        var moreResults = JsonNode.Parse(await more.Content.ReadAsStringAsync())!["results"]!.AsArray();
        Assert.Equal("abandoned-cart", moreResults[0]!["entered"]![0]!.GetValue<string>());
        Assert.Equal("invalidEvent", moreResults[1]!["discarded"]![0]!["reason"]!.GetValue<string>());

        // 5. Read the report once every instance has finished.
        var version = await WaitForIdleReportAsync(api);
        Assert.Equal(3, version["entered"]!.GetValue<int>());
        Assert.Equal(3, version["completed"]!.GetValue<int>());
        Assert.Equal(0, version["active"]!.GetValue<int>());
        Assert.Equal(1, version["discarded"]!["duplicate"]!.GetValue<int>());
        Assert.Equal(1, version["discarded"]!["invalidEvent"]!.GetValue<int>());
        var nodes = version["nodes"]!;
        Assert.Equal(1, nodes["await-order"]!["branches"]!["next"]!.GetValue<int>());
        Assert.Equal(2, nodes["await-order"]!["branches"]!["timeout"]!.GetValue<int>());
        Assert.Equal(2, mocks.DistinctEmails);
        Assert.Equal(2, nodes["tier-check"]!["entered"]!.GetValue<int>());
        Assert.All(nodes["tier-check"]!["branches"]!.AsObject(), b => Assert.Contains(b.Key, new[] { "branches[0]", "otherwise" }));

        var instance = await Json(api.SendAsync(HttpMethod.Get, "/api/journeys/abandoned-cart/instances/shopper-2"));
        Assert.Equal("completed", instance["status"]!.GetValue<string>());
        Assert.Contains(instance["steps"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "resumed" && s["outcome"]?.GetValue<string>() != "timeout");

        // Errors a user can cause on the way (413 is covered by BodyLimitTests with exact limits).
        await Expect(HttpStatusCode.Conflict, api.SendAsync(HttpMethod.Delete, "/api/events/order.placed"));
        await Expect(HttpStatusCode.NotFound, api.SendAsync(HttpMethod.Get, "/api/journeys/no-such-journey/report"));
        await Expect(HttpStatusCode.Unauthorized, api.Anonymous.GetAsync("/api/journeys/abandoned-cart/report"));
        await Expect(HttpStatusCode.Unauthorized, api.Ingest.GetAsync("/api/journeys/abandoned-cart/report"));
        await Expect(HttpStatusCode.BadRequest, api.PutAsync("/api/actions/send-email", "{ \"method\": "));
        await Expect(HttpStatusCode.PreconditionFailed, api.PutAsync("/api/actions/send-email", SampleFiles.Read("actions/send-email.json"), ifMatch: "\"stale\""));
    }

    private static string Cart(string id, string customer, string cart, double total) =>
        $$"""{ "id": "{{id}}", "type": "cart.abandoned", "customer": { "id": "{{customer}}", "email": "{{customer}}@example.com" }, "cart": { "id": "{{cart}}", "total": {{total}} } }""";

    private static async Task<JsonNode> WaitForIdleReportAsync(ApiHost api)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var report = await Json(api.SendAsync(HttpMethod.Get, "/api/journeys/abandoned-cart/report"));
            var version = report["versions"]![0]!;
            if (version["active"]!.GetValue<int>() == 0)
            {
                return version;
            }

            await Task.Delay(25, limit.Token);
        }
    }

    private static async Task<JsonNode> Json(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private static async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> send)
    {
        using var response = await send;
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
