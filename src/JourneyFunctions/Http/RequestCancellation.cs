using Microsoft.AspNetCore.Http;

namespace JourneyFunctions.Http;

/// <summary>What every HTTP function passes to its shared handler as the cancellation token.</summary>
internal static class RequestCancellation
{
    /// <summary>The request's cancellation (the client went away); validates the binding.</summary>
    public static CancellationToken Aborted(HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        return req.HttpContext.RequestAborted;
    }
}
