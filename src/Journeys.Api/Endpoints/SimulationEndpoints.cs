using System.Globalization;
using System.Text.Json;
using Journeys.Api.Http;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Simulation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Journeys.Api.Endpoints;

/// <summary>
/// <c>POST /api/journeys/{id}/simulate</c> (SPEC §6, §8): runs the draft, or published version <c>?version=n</c>,
/// against the scenario in the body, in virtual time and in-process. It reads the catalog and nothing else: no
/// instance, counter or event key is written and no service is called, on either host.
/// </summary>
public static class SimulationEndpoints
{
    public static async Task<IResult> SimulateJourneyAsync(
        HttpRequest request, string id, [FromQuery] string? version, [FromServices] JourneyCatalog journeys, [FromServices] ApiOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(journeys);
        ArgumentNullException.ThrowIfNull(options);
        if (ApiProblems.CheckId(id) is { } badId)
        {
            return badId;
        }

        int? publishedVersion = null;
        if (version is not null)
        {
            if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return Problems.Problems.BadRequest(SimulationErrorCodes.VersionInvalid, "$.version", "version must be the number of a published version (1, 2, …).");
            }

            publishedVersion = number;
        }

        var body = await RequestBody.ReadJsonAsync(request, options.IngestBodyLimit, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        ScenarioReadResult scenario;
        try
        {
            using var document = JsonDocument.Parse(body.Bytes);
            scenario = ScenarioReader.Read(document.RootElement, options.SimulationLimits);
        }
        catch (JsonException exception)
        {
            return Problems.Problems.BadRequest(ContractJson.MalformedJson, "$", $"The body is not JSON: {exception.Message}");
        }

        if (!scenario.Succeeded)
        {
            return new Problems.ProblemResult(400, "The scenario is not valid.", scenario.Errors);
        }

        Journey journey;
        int simulatedVersion;
        if (publishedVersion is { } published)
        {
            var found = await journeys.GetVersionAsync(id, published, cancellationToken);
            if (!found.Succeeded)
            {
                return ApiProblems.FromCatalog(found.Failure);
            }

            journey = found.Value.Definition;
            simulatedVersion = published;
        }
        else
        {
            var found = await journeys.GetAsync(id, cancellationToken);
            if (!found.Succeeded)
            {
                return ApiProblems.FromCatalog(found.Failure);
            }

            // The draft runs as the version publishing it would create, so journey.version reads the same.
            journey = found.Value.Draft;
            simulatedVersion = found.Value.Versions.Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
        }

        var configuration = await journeys.GetConfigurationAsync(cancellationToken);
        var setup = SimulationSetup.TryCreate(id, simulatedVersion, journey, configuration.EventDefinitions, configuration, out var validation);
        if (setup is null)
        {
            var invalid = new CatalogFailure(CatalogErrorCodes.Invalid, $"Journey '{id}' cannot be simulated: it has {validation.Errors.Count} validation error(s).")
            {
                Issues = validation.Errors,
            };
            return ApiProblems.FromCatalog(invalid, invalidStatus: 409);
        }

        try
        {
            var result = await JourneySimulator.RunAsync(setup, scenario.Scenario!, options.SimulationLimits);
            return JsonResponses.Ok(result, SimulationJsonContext.Default.SimulationResult);
        }
        catch (SimulationLimitException exception)
        {
            return new Problems.ProblemResult(422, "The simulation ran into a limit.", [new ContractError(exception.Code, "$", exception.Message)]);
        }
    }
}
