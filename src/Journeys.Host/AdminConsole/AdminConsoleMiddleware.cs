using System.Text;
using Microsoft.AspNetCore.Http;

namespace Journeys.Host.AdminConsole;

/// <summary>
/// Serves the admin console (SPEC §9) at <c>/</c>: <c>index.html</c>, <c>config.json</c> and the hashed
/// <c>assets/</c>, to GET and HEAD, without a key (the files hold no data; every data call needs the admin key).
/// Anything else, <c>/api</c> above all, goes on down the pipeline.
/// </summary>
public sealed class AdminConsoleMiddleware(RequestDelegate next, ConsoleAssets assets)
{
    private const string NotBuilt =
        "The admin console was not built into this host (it was built with -p:JourneysSkipConsole=true). The API is at /api.";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var path = request.Path.Value is null or "/" ? "index.html" : request.Path.Value.TrimStart('/');
        var asset = assets.Find(path);
        if (asset is null)
        {
            if (path == "index.html")
            {
                ConsoleHeaders.Apply(context.Response.Headers);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(NotBuilt, Encoding.UTF8, context.RequestAborted);
                return;
            }

            await next(context);
            return;
        }

        var response = context.Response;
        ConsoleHeaders.Apply(response.Headers);
        response.Headers.ETag = asset.ETag;
        response.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        if (request.Headers.IfNoneMatch.Any(value => value is not null && value.Split(',').Select(v => v.Trim()).Contains(asset.ETag)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (HttpMethods.IsGet(request.Method))
        {
            await response.Body.WriteAsync(asset.Content, context.RequestAborted);
        }
    }
}
