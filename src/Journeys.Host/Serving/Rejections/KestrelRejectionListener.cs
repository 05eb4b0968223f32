using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using BadHttpRequestException = Microsoft.AspNetCore.Http.BadHttpRequestException;

namespace Journeys.Host.Serving.Rejections;

/// <summary>
/// Gives the requests Kestrel refuses before any middleware runs (a NUL in the path, a malformed request line or
/// header, a header block over the limits, a bad Host header) a problem document instead of Kestrel's empty answer.
/// Kestrel has no hook for that answer; it does raise the documented <c>Microsoft.AspNetCore.Server.Kestrel.BadRequest</c>
/// diagnostic event, with the request's features, after deciding to refuse and before writing its response. This
/// listener arms that connection's <see cref="RejectionResponseWriter"/> (found through the connection features that
/// <see cref="UseOn"/> sets), which then rewrites the response Kestrel writes next.
/// </summary>
internal sealed class KestrelRejectionListener(KestrelServerLimits limits) : IObserver<KeyValuePair<string, object?>>
{
    public const string BadRequestEvent = "Microsoft.AspNetCore.Server.Kestrel.BadRequest";

    /// <summary>Wraps each HTTP/1.1 connection of <paramref name="listen"/> so that its rejections can be rewritten.</summary>
    public static void UseOn(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);

        // The writer reads HTTP/1.x responses: an HTTP/2 connection (h2c) must never go through it.
        listen.Protocols = HttpProtocols.Http1;
        listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            var writer = new RejectionResponseWriter(transport.Output);
            connection.Features.Set(writer);
            connection.Transport = new Transport(transport.Input, writer);
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
            }
        });
    }

    /// <summary>Listens to Kestrel's diagnostic source (the host's <see cref="DiagnosticListener"/>) until disposed.</summary>
    public static IDisposable Subscribe(DiagnosticListener diagnostics, KestrelServerLimits limits)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Subscribe(new KestrelRejectionListener(limits), name => name == BadRequestEvent);
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != BadRequestEvent || value.Value is not IFeatureCollection features
            || features.Get<RejectionResponseWriter>() is not { } writer
            || features.Get<IBadRequestExceptionFeature>()?.Error is not BadHttpRequestException rejection)
        {
            return;
        }

        // When the application's response has started, Kestrel writes nothing more (it closes the connection); a
        // response to HEAD must not have a body.
        if (features.Get<IHttpResponseFeature>() is not { HasStarted: false } || IsHead(features))
        {
            return;
        }

        writer.Reject(KestrelRejections.ToProblem(rejection, limits));
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    private static bool IsHead(IFeatureCollection features)
    {
        try
        {
            return HttpMethods.IsHead(features.Get<IHttpRequestFeature>()?.Method ?? string.Empty);
        }
        catch (InvalidOperationException)
        {
            // The request line was refused before its method was read.
            return false;
        }
    }

    private sealed class Transport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
