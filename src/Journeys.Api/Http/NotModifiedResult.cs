using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;

namespace Journeys.Api.Http;

/// <summary>304 Not Modified: no body, and the <c>ETag</c> the client's cached copy still carries (RFC 9110 §15.4.5).</summary>
public sealed class NotModifiedResult(string etag) : IResult, IStatusCodeHttpResult
{
    /// <summary>The bare ETag token; written quoted.</summary>
    public string ETag { get; } = etag;

    public int? StatusCode => StatusCodes.Status304NotModified;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status304NotModified;
        httpContext.Response.Headers.ETag = ETagHeader.Format(ETag);
        return Task.CompletedTask;
    }
}
