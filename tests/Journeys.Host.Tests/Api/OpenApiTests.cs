using System.Text.Json.Nodes;
using Journeys.Host.Tests.Support;
using Microsoft.AspNetCore.Routing;

namespace Journeys.Host.Tests.Api;

/// <summary>The routes mapped are exactly those of SPEC §6, and /api/openapi.json documents every one.</summary>
public sealed class OpenApiTests
{
    /// <summary>SPEC §6, written out by hand.</summary>
    private static readonly string[] SpecRoutes =
    [
        "GET /api/events", "PUT /api/events/{id}", "GET /api/events/{id}", "DELETE /api/events/{id}",
        "GET /api/datasources", "PUT /api/datasources/{id}", "GET /api/datasources/{id}", "DELETE /api/datasources/{id}",
        "GET /api/actions", "PUT /api/actions/{id}", "GET /api/actions/{id}", "DELETE /api/actions/{id}",
        "GET /api/journeys", "PUT /api/journeys/{id}", "GET /api/journeys/{id}",
        "POST /api/journeys/{id}/validate", "POST /api/journeys/{id}/publish", "POST /api/journeys/{id}/simulate", "POST /api/journeys/{id}/close", "POST /api/journeys/{id}/stop",
        "GET /api/journeys/{id}/report", "GET /api/journeys/{id}/instances/{profileId}",
        "POST /api/ingest", "GET /api/health",
    ];

    [Fact]
    public async Task The_mapped_routes_are_the_routes_of_the_spec()
    {
        await using var api = await ApiHost.StartAsync();
        Assert.Equal(SpecRoutes.Order(StringComparer.Ordinal), MappedRoutes(api).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_openapi_document_has_every_mapped_route()
    {
        await using var api = await ApiHost.StartAsync();
        using var response = await api.Anonymous.GetAsync("/api/openapi.json");
        var paths = (await response.JsonAsync())["paths"]!.AsObject();

        var documented = paths.SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}")).ToList();

        Assert.All(MappedRoutes(api), route => Assert.Contains(route, documented));
        Assert.Equal("string", (string)paths["/api/journeys/{id}/instances/{profileId}"]!["get"]!["parameters"]!.AsArray()
            .Single(p => (string)p!["name"]! == "profileId")!["schema"]!["type"]!);
    }

    /// <summary>Every route answers JSON on success except DELETE (204); written by hand from SPEC §6.</summary>
    [Fact]
    public async Task Every_route_documents_its_success_response()
    {
        var operations = await OperationsAsync();

        Assert.All(SpecRoutes, route =>
        {
            var responses = operations[route]["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{route} documents no 2xx response");
            if (route.StartsWith("DELETE ", StringComparison.Ordinal))
            {
                Assert.Equal(["204"], success.Select(r => r.Key));
                return;
            }

            foreach (var (status, response) in success)
            {
                var schema = response!["content"]?["application/json"]?["schema"];
                Assert.True(schema is not null, $"{route} {status} has no application/json schema");
            }
        });
    }

    [Theory]
    [InlineData("PUT /api/events/{id}", "match")]
    [InlineData("PUT /api/datasources/{id}", "baseUrl")]
    [InlineData("PUT /api/actions/{id}", "url")]
    [InlineData("PUT /api/journeys/{id}", "nodes")]
    public async Task Every_put_documents_its_json_body_schema_with_the_contract_properties(string route, string property)
    {
        var (operations, document) = await DocumentAsync();

        var body = operations[route]["requestBody"];
        Assert.NotNull(body);
        var schema = Resolve(document, body!["content"]!["application/json"]!["schema"]!);
        Assert.True(schema["properties"]?[property] is not null, $"{route} body schema lacks '{property}': {schema.ToJsonString()}");
    }

    [Theory]
    [InlineData("GET /api/events/{id}", "match")]
    [InlineData("GET /api/journeys/{id}", "etag")]
    [InlineData("POST /api/journeys/{id}/validate", "valid")]
    [InlineData("POST /api/journeys/{id}/publish", "version")]
    [InlineData("POST /api/ingest", "results")]
    public async Task Success_schemas_have_the_properties_of_the_spec(string route, string property)
    {
        var (operations, document) = await DocumentAsync();

        var schema = Resolve(document, operations[route]["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.True(schema["properties"]?[property] is not null, $"{route} 200 schema lacks '{property}': {schema.ToJsonString()}");
    }

    [Fact]
    public async Task Problem_responses_are_application_problem_json_with_the_errors_array()
    {
        var (operations, document) = await DocumentAsync();

        // Health's 503 is its JSON report ("storage unreachable"), not a problem.
        var problems = operations
            .SelectMany(o => o.Value["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5' && !(o.Key == "GET /api/health" && r.Key == "503")))
            .ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, problem =>
        {
            var content = problem.Value!["content"]!.AsObject();
            Assert.Equal(["application/problem+json"], content.Select(c => c.Key));
            var schema = Resolve(document, content["application/problem+json"]!["schema"]!);
            Assert.NotNull(schema["properties"]?["errors"]);
            Assert.NotNull(schema["properties"]?["status"]);
        });
    }

    [Theory]
    [InlineData("PUT /api/events/{id}", "412")]
    [InlineData("DELETE /api/actions/{id}", "412")]
    [InlineData("PUT /api/journeys/{id}", "412")]
    [InlineData("GET /api/datasources/{id}", "304")]
    [InlineData("GET /api/journeys/{id}", "304")]
    [InlineData("PUT /api/events/{id}", "400")]
    [InlineData("POST /api/journeys/{id}/publish", "409")]
    public async Task Conditional_and_error_statuses_are_documented(string route, string status)
    {
        var operations = await OperationsAsync();
        Assert.NotNull(operations[route]["responses"]![status]);
    }

    [Theory]
    [InlineData("PUT /api/events/{id}", true, true, "200")]
    [InlineData("GET /api/actions/{id}", true, true, "304")]
    [InlineData("DELETE /api/datasources/{id}", true, true, null)]
    [InlineData("PUT /api/journeys/{id}", true, true, "201")]
    [InlineData("GET /api/journeys/{id}", true, true, "200")]
    [InlineData("POST /api/journeys/{id}/publish", true, false, null)]
    [InlineData("GET /api/events", false, false, null)]
    public async Task Conditional_routes_document_their_headers(string route, bool ifMatch, bool ifNoneMatch, string? etagStatus)
    {
        var operations = await OperationsAsync();
        var headers = (operations[route]["parameters"]?.AsArray() ?? [])
            .Where(p => (string)p!["in"]! == "header")
            .Select(p => (string)p!["name"]!)
            .ToList();

        Assert.Equal(ifMatch, headers.Contains("If-Match"));
        Assert.Equal(ifNoneMatch, headers.Contains("If-None-Match"));
        if (etagStatus is not null)
        {
            Assert.NotNull(operations[route]["responses"]![etagStatus]!["headers"]?["ETag"]);
        }
    }

    [Fact]
    public async Task Integers_are_documented_as_json_numbers()
    {
        var (_, document) = await DocumentAsync();
        Assert.Equal("integer", (string)document["components"]!["schemas"]!["PublishResponse"]!["properties"]!["version"]!["type"]!);
    }

    private static async Task<Dictionary<string, JsonNode>> OperationsAsync() => (await DocumentAsync()).Operations;

    private static async Task<(Dictionary<string, JsonNode> Operations, JsonNode Document)> DocumentAsync()
    {
        await using var api = await ApiHost.StartAsync();
        using var response = await api.Anonymous.GetAsync("/api/openapi.json");
        var document = await response.JsonAsync();
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Key: $"{m.Key.ToUpperInvariant()} {p.Key}", Operation: m.Value!)))
            .ToDictionary(o => o.Key, o => o.Operation);
        return (operations, document);
    }

    /// <summary>Follows a <c>$ref</c> into <c>components/schemas</c>.</summary>
    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"] is { } reference
            ? document["components"]!["schemas"]![((string)reference!)["#/components/schemas/".Length..]]!
            : schema;

    private static List<string> MappedRoutes(ApiHost api) =>
        ((IEndpointRouteBuilder)api.Host.App).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText != "/api/openapi.json")
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToList();

    /// <summary>Group prefixes leave a trailing slash on list routes (<c>/api/events/</c>); the document does not.</summary>
    private static string Normalise(string pattern) => "/" + pattern.Trim('/');
}
