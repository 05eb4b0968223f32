using Journeys.Api.Problems;
using Journeys.Core.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Journeys.Host.Serving;

/// <summary>
/// Turns what escapes a handler into a problem document: the server's own request errors (a body over Kestrel's
/// limit, a malformed request) keep their status; anything else is a 500 whose text stays in the log, because an
/// exception message may carry internals (paths, SQL, configuration) that must not reach a caller. Routing's own
/// empty 404 (no such route) and 405 (method not allowed) get problem documents too.
/// </summary>
public sealed partial class ProblemErrorMiddleware(RequestDelegate next, ILogger<ProblemErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RequestTargetLimit.Check(context.Request) is { } tooLong)
        {
            await tooLong.ExecuteAsync(context);
            return;
        }

        try
        {
            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentType is null && context.Response.StatusCode is 404 or 405)
            {
                // Routing answered with an empty 404/405 (no route, or a route without this method): say so as a problem.
                await (context.Response.StatusCode == 404
                    ? new ProblemResult(404, "No such route.", [new ContractError("ROUTE_NOT_FOUND", "$", $"There is no route {context.Request.Method} {context.Request.Path}; see /api/openapi.json.")])
                    : new ProblemResult(405, "Method not allowed.", [new ContractError("METHOD_NOT_ALLOWED", "$", $"{context.Request.Path} does not accept {context.Request.Method}; see /api/openapi.json.")]))
                    .ExecuteAsync(context);
            }
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await Problems.Unhandled(ex, context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize).ExecuteAsync(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(logger, context.Request.Method, context.Request.Path, ex);
            await Problems.Unhandled(ex, serverBodyLimit: null).ExecuteAsync(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}.")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
