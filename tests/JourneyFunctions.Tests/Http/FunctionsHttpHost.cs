using System.Net;
using System.Reflection;
using System.Text.Json;
using JourneyFunctions.Hosting;
using JourneyFunctions.Tests.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyFunctions.Tests.Http;

/// <summary>
/// What the Functions host does with an HTTP request before and after the worker, in process: it finds the first
/// function by name whose route (under host.json's route prefix) and methods match, else answers an empty 404 itself
/// (its router has no 405); it checks the key against the function's <see cref="AuthorizationLevel"/>, else answers
/// an empty 401 itself; then it calls the function's method as the isolated worker's ASP.NET Core integration does (the class
/// from the app's DI, a real <see cref="HttpRequest"/>, route values by parameter name, <c>[DurableClient]</c> from
/// a Durable Task engine) and executes the returned <see cref="IActionResult"/> into the response. An exception
/// from a function is an empty 500, as the host answers; it is kept in <see cref="Failures"/> for the test to see.
/// Used as an <see cref="HttpMessageHandler"/>, so tests send ordinary <see cref="HttpRequestMessage"/>s.
/// </summary>
internal sealed class FunctionsHttpHost(IServiceProvider app, FunctionKeys keys, Func<Task<DurableTaskClient>> durableClient) : HttpMessageHandler
{
    /// <summary>
    /// In the order the host tries them: by function name, not by route precedence (Azure/azure-functions-host#9876),
    /// so two routes that can match one path would be decided by names; <c>FunctionRouteTests</c> keeps ours apart.
    /// </summary>
    private readonly IReadOnlyList<HttpFunction> functions =
        [.. HttpFunction.Discover(typeof(JourneyFunctionsServices), RoutePrefix()).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)];

    public IReadOnlyList<HttpFunction> Functions => functions;

    /// <summary>Exceptions functions threw (each answered with an empty 500).</summary>
    public List<Exception> Failures { get; } = [];

    /// <summary>host.json's <c>extensions.http.routePrefix</c>, <c>api</c> when absent (the host's default).</summary>
    public static string RoutePrefix()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(FindHostJson()));
        return hostJson.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? "api"
            : "api";
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = await ToHttpContextAsync(request, cancellationToken);
        var path = context.Request.Path.Value ?? "/";
        var routed = functions
            .Select(function => (function, values: function.Match(path)))
            .FirstOrDefault(f => f.values is not null && f.function.Accepts(context.Request.Method));
        if (routed.function is null)
        {
            return Empty(HttpStatusCode.NotFound, request);
        }

        var presented = context.Request.Headers[FunctionKeys.HeaderName].FirstOrDefault() ?? context.Request.Query[FunctionKeys.QueryName].FirstOrDefault();
        if (!Grants(keys.LevelOf(presented, routed.function.Name), routed.function.AuthorizationLevel))
        {
            return Empty(HttpStatusCode.Unauthorized, request);
        }

        await using var scope = app.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        try
        {
            var result = await InvokeAsync(routed.function, routed.values!, context, scope.ServiceProvider);
            await result.ExecuteResultAsync(new ActionContext(context, new RouteData(routed.values!), new ActionDescriptor()));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Failures.Add(ex is TargetInvocationException { InnerException: { } inner } ? inner : ex);
            return Empty(HttpStatusCode.InternalServerError, request);
        }

        return ToResponseMessage(context, request);
    }

    /// <summary>Function level: any host key, the function's own keys or the master key. Admin level: the master key only.</summary>
    private static bool Grants(AuthorizationLevel granted, AuthorizationLevel required) => required switch
    {
        AuthorizationLevel.Anonymous => true,
        AuthorizationLevel.Function => granted is AuthorizationLevel.Function or AuthorizationLevel.Admin,
        AuthorizationLevel.Admin => granted == AuthorizationLevel.Admin,
        _ => throw new NotSupportedException($"Authorization level {required} is not modelled here."),
    };

    private async Task<IActionResult> InvokeAsync(HttpFunction function, RouteValueDictionary values, HttpContext context, IServiceProvider services)
    {
        var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.Method.DeclaringType!);
        var arguments = new List<object?>();
        foreach (var parameter in function.Method.GetParameters())
        {
            arguments.Add(parameter switch
            {
                _ when parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null => context.Request,
                _ when parameter.GetCustomAttribute<DurableClientAttribute>() is not null => await durableClient(),
                { ParameterType: var type } when type == typeof(CancellationToken) => context.RequestAborted,
                { ParameterType: var type } when type == typeof(string) && values.TryGetValue(parameter.Name!, out var value) => value?.ToString(),
                _ => throw new NotSupportedException($"{function.Name}: parameter '{parameter.Name}' ({parameter.ParameterType.Name}) is not bound here."),
            });
        }

        var returned = function.Method.Invoke(target, [.. arguments]);
        return returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult result => result,
            _ => throw new NotSupportedException($"{function.Name} returns {function.Method.ReturnType.Name}, not IActionResult."),
        };
    }

    /// <summary>A request as Kestrel hands it over: the path percent-decoded except <c>%2F</c>, headers as sent, the body as a stream.</summary>
    private static async Task<DefaultHttpContext> ToHttpContextAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var uri = message.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var context = new DefaultHttpContext();
        var request = context.Request;
        request.Method = message.Method.Method;
        request.Scheme = uri.Scheme;
        request.Host = new HostString(uri.Authority);
        request.Path = new PathString(Uri.UnescapeDataString(uri.AbsolutePath.Replace("%2F", "%252F", StringComparison.OrdinalIgnoreCase)));
        request.QueryString = new QueryString(uri.Query);
        foreach (var header in message.Headers.NonValidated)
        {
            request.Headers.Append(header.Key, header.Value.ToArray());
        }

        if (message.Content is { } content)
        {
            foreach (var header in content.Headers.NonValidated)
            {
                request.Headers.Append(header.Key, header.Value.ToArray());
            }

            // Without a computable length HttpClient sends the body chunked: no Content-Length then either.
            request.ContentLength = content.Headers.ContentLength;
            var body = new MemoryStream();
            await content.CopyToAsync(body, cancellationToken);
            body.Position = 0;
            request.Body = body;
        }

        context.Response.Body = new MemoryStream();
        context.RequestAborted = cancellationToken;
        return context;
    }

    private static HttpResponseMessage ToResponseMessage(HttpContext context, HttpRequestMessage request)
    {
        var body = ((MemoryStream)context.Response.Body).ToArray();
        var response = new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode) { RequestMessage = request, Content = new ByteArrayContent(body) };
        foreach (var header in context.Response.Headers)
        {
            if (!response.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                response.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        return response;
    }

    /// <summary>What the host answers by itself, before any function runs: a status and no body.</summary>
    private static HttpResponseMessage Empty(HttpStatusCode status, HttpRequestMessage request) =>
        new(status) { RequestMessage = request, Content = new ByteArrayContent([]) };

    private static string FindHostJson()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "host.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("host.json not found above " + AppContext.BaseDirectory);
    }
}
