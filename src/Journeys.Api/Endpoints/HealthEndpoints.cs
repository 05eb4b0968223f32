using Journeys.Api.Http;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Journeys.Api.Endpoints;

/// <summary><c>GET /api/health</c> (no key): 200 while the runtime reports healthy, 503 otherwise, with the report either way.</summary>
public static partial class HealthEndpoints
{
    public static async Task<IResult> GetHealthAsync([FromServices] IJourneyRuntime runtime, [FromServices] ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        HealthReport report;
        try
        {
            report = await runtime.CheckHealthAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's text stays in the log: this route needs no key, so it must not disclose internals.
            LogHealthCheckFailed((loggers ?? NullLoggerFactory.Instance).CreateLogger(typeof(HealthEndpoints)), ex);
            report = new HealthReport("unavailable", false, "The health check failed; see the host's log.");
        }

        return new JsonResponse<HealthReport>(report.Healthy ? 200 : 503, report, ReportingJsonContext.Default.HealthReport);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The health check failed.")]
    private static partial void LogHealthCheckFailed(ILogger logger, Exception exception);
}
