using System.Text.Json;
using System.Text.Json.Serialization;
using Journeys.Api.Endpoints;
using Journeys.Api.Json;
using Journeys.Api.OpenApi;
using Journeys.Api.Security;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Journeys.Api;

/// <summary>Maps every route of SPEC §6 onto the handlers of <see cref="Endpoints"/>.</summary>
public static class JourneysApi
{
    /// <summary>
    /// Registers what the handlers need besides the catalog and the runtime: <see cref="ApiOptions"/> and the
    /// source-generated JSON metadata of every body, so that nothing falls back to reflection.
    /// </summary>
    public static IServiceCollection AddJourneysApi(this IServiceCollection services, ApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new ApiOptions());
        services.ConfigureHttpJsonOptions(json =>
        {
            // The handlers serialise with their own source-generated metadata; these options serve the OpenAPI
            // generator, which must describe numbers as the contract reads them: JSON numbers, never strings.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Context);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, IngestionJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(2, ReportingJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(3, JourneysJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(4, SimulationJsonContext.Default);
        });
        return services;
    }

    /// <summary>
    /// Maps every route under <c>/api</c>. With <paramref name="keys"/>, management routes need the admin key and
    /// <c>POST /api/ingest</c> the ingest key (or the admin key); without, no key filter is added (the Azure host
    /// guards its triggers with function keys). <c>GET /api/health</c> never needs a key.
    /// </summary>
    public static RouteGroupBuilder MapJourneysApi(this IEndpointRouteBuilder endpoints, ApiKeys? keys)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        var admin = api.MapGroup(string.Empty);
        var ingest = api.MapGroup(string.Empty);
        if (keys is not null)
        {
            admin.AddEndpointFilter(new ApiKeyFilter(keys, ApiKeyRole.Admin)).WithMetadata(new RequiredKeyMetadata(ApiKeyRole.Admin));
            ingest.AddEndpointFilter(new ApiKeyFilter(keys, ApiKeyRole.Ingest)).WithMetadata(new RequiredKeyMetadata(ApiKeyRole.Ingest));
        }

        // Problems every route can answer besides its own: a missing or wrong key, and an unexpected failure.
        int[] adminProblems = keys is null ? [500] : [401, 500];

        MapResource<EventDefinition>(admin, "/events", "events", "Event", adminProblems);
        MapResource<DataSource>(admin, "/datasources", "datasources", "DataSource", adminProblems);
        MapResource<CustomAction>(admin, "/actions", "actions", "Action", adminProblems);

        var journeys = admin.MapGroup("/journeys").WithTags("journeys");
        journeys.MapGet(string.Empty, JourneyEndpoints.ListJourneysAsync).WithName("ListJourneys")
            .Produces<IReadOnlyList<JourneyView>>(200, RouteDocumentation.Json)
            .ProducesProblems(adminProblems);
        journeys.MapPut("/{id}", JourneyEndpoints.PutJourneyAsync).WithName("PutJourney")
            .WithMetadata(ReadWriteConditions)
            .AcceptsJson<Journey>()
            .Produces<JourneyView>(200, RouteDocumentation.Json)
            .Produces<JourneyView>(201, RouteDocumentation.Json)
            .ProducesProblems([400, 412, 413, 415, .. adminProblems]);
        journeys.MapGet("/{id}", JourneyEndpoints.GetJourneyAsync).WithName("GetJourney")
            .WithMetadata(ReadWriteConditions)
            .Produces<JourneyView>(200, RouteDocumentation.Json)
            .Produces(304)
            .ProducesProblems([400, 404, 412, .. adminProblems]);
        journeys.MapPost("/{id}/validate", JourneyEndpoints.ValidateJourneyAsync).WithName("ValidateJourney")
            .Produces<ValidationResponse>(200, RouteDocumentation.Json)
            .ProducesProblems([400, 404, .. adminProblems]);
        journeys.MapPost("/{id}/publish", JourneyEndpoints.PublishJourneyAsync).WithName("PublishJourney")
            .WithMetadata(new ConditionalHeadersMetadata(IfMatch: true, IfNoneMatch: false, ETag: false))
            .Produces<PublishResponse>(200, RouteDocumentation.Json)
            .ProducesProblems([400, 404, 409, 412, .. adminProblems]);
        journeys.MapPost("/{id}/close", JourneyEndpoints.CloseJourneyAsync).WithName("CloseJourney")
            .Produces<LifecycleResponse>(200, RouteDocumentation.Json)
            .ProducesProblems([400, 404, 409, .. adminProblems]);
        journeys.MapPost("/{id}/stop", JourneyEndpoints.StopJourneyAsync).WithName("StopJourney")
            .Produces<LifecycleResponse>(200, RouteDocumentation.Json)
            .ProducesProblems([400, 404, 409, .. adminProblems]);
        journeys.MapPost("/{id}/simulate", SimulationEndpoints.SimulateJourneyAsync).WithName("SimulateJourney")
            .WithSummary("Runs the draft (or ?version=n) against a scenario in virtual time (SPEC §8); touches no live state, calls no service.")
            .AcceptsJson<JsonElement>()
            .Produces<SimulationResult>(200, RouteDocumentation.Json)
            .ProducesProblems([400, 404, 409, 413, 415, 422, .. adminProblems]);
        journeys.MapGet("/{id}/report", ReportEndpoints.GetReportAsync).WithName("GetReport")
            .Produces<JourneyReport>(200, RouteDocumentation.Json)
            .ProducesProblems([400, 404, 503, .. adminProblems]);
        journeys.MapGet("/{id}/instances/{profileId}", ReportEndpoints.GetInstanceAsync).WithName("GetInstance")
            .Produces<InstanceView>(200, RouteDocumentation.Json)
            .ProducesProblems([400, 404, 503, .. adminProblems]);

        // One event object or an array of them: any JSON the producer emits, so the body schema is open.
        ingest.MapPost("/ingest", IngestEndpoints.IngestAsync).WithTags("ingest").WithName("Ingest")
            .AcceptsJson<JsonElement>()
            .Produces<IngestResponse>(200, RouteDocumentation.Json)
            .ProducesProblems([400, 413, 415, 503, .. adminProblems]);
        api.MapGet("/health", HealthEndpoints.GetHealthAsync).WithTags("health").WithName("Health")
            .Produces<HealthReport>(200, RouteDocumentation.Json)
            .Produces<HealthReport>(503, RouteDocumentation.Json)
            .ProducesProblems(500);
        return api;
    }

    /// <summary>GET and PUT of a resource or journey: both conditional headers, and the ETag in the answer.</summary>
    private static readonly ConditionalHeadersMetadata ReadWriteConditions = new(IfMatch: true, IfNoneMatch: true, ETag: true);

    /// <summary>List, PUT, GET and DELETE of one configuration resource kind, with their documented bodies and statuses.</summary>
    private static void MapResource<T>(RouteGroupBuilder admin, string prefix, string tag, string name, int[] commonProblems)
        where T : class
    {
        Func<ResourceCatalog<T>, CancellationToken, Task<IResult>> list = ConfigurationEndpoints.ListAsync;
        Func<HttpRequest, string, ResourceCatalog<T>, ApiOptions, CancellationToken, Task<IResult>> put = ConfigurationEndpoints.PutAsync;
        Func<HttpRequest, string, ResourceCatalog<T>, CancellationToken, Task<IResult>> get = ConfigurationEndpoints.GetAsync;
        Func<HttpRequest, string, ResourceCatalog<T>, CancellationToken, Task<IResult>> delete = ConfigurationEndpoints.DeleteAsync;
        var group = admin.MapGroup(prefix).WithTags(tag);
        group.MapGet(string.Empty, list).WithName($"List{name}s")
            .Produces<IReadOnlyList<ResourceView>>(200, RouteDocumentation.Json)
            .ProducesProblems(commonProblems);
        group.MapPut("/{id}", put).WithName($"Put{name}")
            .WithMetadata(ReadWriteConditions)
            .AcceptsJson<T>()
            .Produces<T>(200, RouteDocumentation.Json)
            .Produces<T>(201, RouteDocumentation.Json)
            .ProducesProblems([400, 412, 413, 415, .. commonProblems]);
        group.MapGet("/{id}", get).WithName($"Get{name}")
            .WithMetadata(ReadWriteConditions)
            .Produces<T>(200, RouteDocumentation.Json)
            .Produces(304)
            .ProducesProblems([400, 404, 412, .. commonProblems]);
        group.MapDelete("/{id}", delete).WithName($"Delete{name}")
            .WithMetadata(new ConditionalHeadersMetadata(IfMatch: true, IfNoneMatch: true, ETag: false))
            .Produces(204)
            .ProducesProblems([400, 404, 409, 412, .. commonProblems]);
    }
}
