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
        "POST /api/journeys/{id}/validate", "POST /api/journeys/{id}/publish", "POST /api/journeys/{id}/close", "POST /api/journeys/{id}/stop",
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
