using Journeys.Api.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace JourneyFunctions.Http;

/// <summary>
/// What every HTTP function does around its shared <c>Journeys.Api</c> handler: hands it the request's cancellation
/// (the client went away), returns its <see cref="IResult"/> as the <see cref="IActionResult"/> the worker's ASP.NET
/// Core integration executes, and answers what escapes it as the embedded host's error middleware does
/// (<see cref="Problems.Unhandled"/>: a problem document, the exception only in the log) rather than with the
/// Functions host's bare 500.
/// </summary>
public sealed partial class ApiHandlerRunner(ILogger<ApiHandlerRunner> logger)
{
    public async Task<IActionResult> RunAsync(HttpRequest req, Func<CancellationToken, Task<IResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(handler);
        var aborted = req.HttpContext.RequestAborted;
        try
        {
            return new ResultActionResult(await handler(aborted));
        }
        catch (BadHttpRequestException ex)
        {
            return new ResultActionResult(Problems.Unhandled(ex, req.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize));
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested)
        {
            LogUnhandled(logger, req.Method, req.Path, ex);
            return new ResultActionResult(Problems.Unhandled(ex, serverBodyLimit: null));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}.")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
