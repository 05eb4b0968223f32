using Journeys.Api.Endpoints;
using Journeys.Api.Json;
using Journeys.Api.Security;
using Journeys.Ingestion;
using Journeys.Reporting;
using Journeys.Serialization;
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
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Context);
            json.SerializerOptions.TypeInfoResolverChain.Insert(1, IngestionJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(2, ReportingJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(3, JourneysJsonContext.Default);
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
            admin.AddEndpointFilter(new ApiKeyFilter(keys, ApiKeyRole.Admin));
            ingest.AddEndpointFilter(new ApiKeyFilter(keys, ApiKeyRole.Ingest));
        }

        var events = admin.MapGroup("/events").WithTags("events");
        events.MapGet(string.Empty, ConfigurationEndpoints.ListEventDefinitionsAsync).WithName("ListEvents");
        events.MapPut("/{id}", ConfigurationEndpoints.PutEventDefinitionAsync).WithName("PutEvent");
        events.MapGet("/{id}", ConfigurationEndpoints.GetEventDefinitionAsync).WithName("GetEvent");
        events.MapDelete("/{id}", ConfigurationEndpoints.DeleteEventDefinitionAsync).WithName("DeleteEvent");

        var sources = admin.MapGroup("/datasources").WithTags("datasources");
        sources.MapGet(string.Empty, ConfigurationEndpoints.ListDataSourcesAsync).WithName("ListDataSources");
        sources.MapPut("/{id}", ConfigurationEndpoints.PutDataSourceAsync).WithName("PutDataSource");
        sources.MapGet("/{id}", ConfigurationEndpoints.GetDataSourceAsync).WithName("GetDataSource");
        sources.MapDelete("/{id}", ConfigurationEndpoints.DeleteDataSourceAsync).WithName("DeleteDataSource");

        var actions = admin.MapGroup("/actions").WithTags("actions");
        actions.MapGet(string.Empty, ConfigurationEndpoints.ListCustomActionsAsync).WithName("ListActions");
        actions.MapPut("/{id}", ConfigurationEndpoints.PutCustomActionAsync).WithName("PutAction");
        actions.MapGet("/{id}", ConfigurationEndpoints.GetCustomActionAsync).WithName("GetAction");
        actions.MapDelete("/{id}", ConfigurationEndpoints.DeleteCustomActionAsync).WithName("DeleteAction");

        var journeys = admin.MapGroup("/journeys").WithTags("journeys");
        journeys.MapGet(string.Empty, JourneyEndpoints.ListJourneysAsync).WithName("ListJourneys");
        journeys.MapPut("/{id}", JourneyEndpoints.PutJourneyAsync).WithName("PutJourney");
        journeys.MapGet("/{id}", JourneyEndpoints.GetJourneyAsync).WithName("GetJourney");
        journeys.MapPost("/{id}/validate", JourneyEndpoints.ValidateJourneyAsync).WithName("ValidateJourney");
        journeys.MapPost("/{id}/publish", JourneyEndpoints.PublishJourneyAsync).WithName("PublishJourney");
        journeys.MapPost("/{id}/close", JourneyEndpoints.CloseJourneyAsync).WithName("CloseJourney");
        journeys.MapPost("/{id}/stop", JourneyEndpoints.StopJourneyAsync).WithName("StopJourney");
        journeys.MapGet("/{id}/report", ReportEndpoints.GetReportAsync).WithName("GetReport");
        journeys.MapGet("/{id}/instances/{profileId}", ReportEndpoints.GetInstanceAsync).WithName("GetInstance");

        ingest.MapPost("/ingest", IngestEndpoints.IngestAsync).WithTags("ingest").WithName("Ingest");
        api.MapGet("/health", HealthEndpoints.GetHealthAsync).WithTags("health").WithName("Health");
        return api;
    }
}
