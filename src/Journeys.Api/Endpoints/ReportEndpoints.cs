using Journeys.Api.Http;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Journeys.Api.Endpoints;

/// <summary>
/// <c>GET /api/journeys/{id}/report</c> and <c>GET /api/journeys/{id}/instances/{profileId}</c>: what the runtime
/// knows, passed through; 404 when it knows nothing.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>The longest profile id ingestion accepts: every id an instance can have is reachable, and no longer one is.</summary>
    public const int MaxProfileIdLength = Journeys.Core.Routing.EventClassifier.MaxKeyLength;

    public static async Task<IResult> GetReportAsync(string id, [FromServices] IJourneyRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (ApiProblems.CheckId(id) is { } badId)
        {
            return badId;
        }

        try
        {
            return await runtime.GetReportAsync(id, cancellationToken) is { } report
                ? JsonResponses.Ok(report, ReportingJsonContext.Default.JourneyReport)
                : ApiProblems.NotFound($"report for journey '{id}'");
        }
        catch (EngineUnavailableException ex)
        {
            return Problems.Problems.Unavailable(ex.Message);
        }
    }

    /// <summary>
    /// The profile's latest instance. Routing decodes every escape in a path segment except <c>%2F</c>, so that one
    /// is decoded here: a profile id containing '/' is sent as <c>%2F</c>.
    /// </summary>
    public static async Task<IResult> GetInstanceAsync(string id, string profileId, [FromServices] IJourneyRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (ApiProblems.CheckId(id) is { } badId)
        {
            return badId;
        }

        var profile = (profileId ?? string.Empty).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (profile.Length is 0 or > MaxProfileIdLength)
        {
            return Problems.Problems.BadRequest(ApiProblems.ProfileIdInvalid, "$", $"A profile id is 1 to {MaxProfileIdLength} characters.");
        }

        try
        {
            return await runtime.GetInstanceAsync(id, profile, cancellationToken) is { } instance
                ? JsonResponses.Ok(instance, ReportingJsonContext.Default.InstanceView)
                : ApiProblems.NotFound($"instance of profile '{profile}' in journey '{id}'");
        }
        catch (EngineUnavailableException ex)
        {
            return Problems.Problems.Unavailable(ex.Message);
        }
    }
}
