using System.Net.Http.Headers;
using System.Text.Json;
using Journeys.Core.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// Fetches data-source field groups over HTTP (SPEC §2, §5): auth from configuration, <c>rateLimitPerSecond</c> per
/// source, the shared retry and timeout pipeline, the response reduced to the group's declared fields and cached
/// per (source, group, path) for <c>cacheSeconds</c>. Every failure becomes a <see cref="DataFetchOutcome"/>; only
/// cancellation by the caller throws.
/// </summary>
public sealed class DataSourceClient
{
    private static readonly byte[] EmptyJsonObject = "{}"u8.ToArray();
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly IConfiguration configuration;
    private readonly IDataSourceRateLimiter rateLimiter;
    private readonly ConnectorOptions options;
    private readonly TimeProvider timeProvider;
    private readonly HttpCallExecutor executor;
    private readonly DataSourceResponseCache cache;

    public DataSourceClient(IHttpClientFactory clientFactory, IConfiguration configuration, IDataSourceRateLimiter rateLimiter, IOptions<ConnectorOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.configuration = configuration;
        this.rateLimiter = rateLimiter;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        executor = new HttpCallExecutor(clientFactory, ConnectorHttpClients.DataSources, this.options, timeProvider);
        cache = new DataSourceResponseCache(timeProvider, this.options.MaxCacheEntries);
    }

    /// <param name="sourceId">The source's catalog id: the cache and the rate limit are per id.</param>
    /// <param name="renderedPath">The group's path with its <c>{expr}</c> placeholders already rendered by the caller.</param>
    public async Task<DataFetchOutcome> FetchAsync(string sourceId, DataSource source, string groupId, string renderedPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(renderedPath);

        if (source.FieldGroups is null || !source.FieldGroups.TryGetValue(groupId, out var group))
        {
            return Failure(ConnectorErrorCodes.DefinitionInvalid, $"Data source '{sourceId}' has no field group '{groupId}'.");
        }

        var cacheSeconds = group.CacheSeconds ?? 0;
        if (cacheSeconds > 0 && cache.TryGet(sourceId, groupId, renderedPath, out var cached))
        {
            return new DataFetchOutcome { Ok = true, Body = cached, FromCache = true };
        }

        var method = string.IsNullOrWhiteSpace(group.Method) ? "GET" : group.Method.Trim().ToUpperInvariant();
        if (method is not ("GET" or "POST"))
        {
            return Failure(ConnectorErrorCodes.DefinitionInvalid, $"Field group '{groupId}': method '{method}' is not GET or POST.");
        }

        ResolvedAuth auth;
        Uri uri;
        try
        {
            auth = AuthResolver.Resolve(source.Auth, configuration);
            uri = BuildUri(source.BaseUrl, renderedPath, auth);
        }
        catch (ConnectorFailureException failure)
        {
            return Failure(failure.Code, failure.Message);
        }

        var timeout = source.TimeoutMs is > 0 and var timeoutMs ? TimeSpan.FromMilliseconds(timeoutMs) : options.DefaultTimeout;
        if (source.RateLimitPerSecond is > 0 and var rate)
        {
            // Wait for a token as long as one attempt may take; beyond that the caller is better served by a clear error.
            var wait = await rateLimiter.TryReserveAsync(sourceId, rate, timeout, cancellationToken).ConfigureAwait(false);
            if (wait is null)
            {
                return Failure(ConnectorErrorCodes.RateLimited, $"Data source '{sourceId}' is limited to {rate} requests per second and no slot came free within {timeout.TotalMilliseconds} ms.");
            }

            if (wait.Value > TimeSpan.Zero)
            {
                await Task.Delay(wait.Value, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        var httpMethod = method == "POST" ? HttpMethod.Post : HttpMethod.Get;
        var result = await executor.SendAsync(() => CreateRequest(httpMethod, uri, auth), (int)timeout.TotalMilliseconds, options.DataSourceMaxRetries, cancellationToken).ConfigureAwait(false);
        var outcome = ToOutcome(group, result);
        if (outcome.Ok && cacheSeconds > 0)
        {
            cache.Set(sourceId, groupId, renderedPath, outcome.Body, cacheSeconds);
        }

        return outcome;
    }

    private static Uri BuildUri(string? baseUrl, string path, ResolvedAuth auth)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new ConnectorFailureException(ConnectorErrorCodes.DefinitionInvalid, "The data source has no baseUrl.");
        }

        var text = baseUrl.TrimEnd('/') + (path.StartsWith('/') ? path : "/" + path);
        if (UrlPathSegments.FindDotSegment(text) is { } dotSegment)
        {
            // Checked before the auth query is added, and the message never quotes the URL: it may carry a key.
            throw new ConnectorFailureException(ConnectorErrorCodes.UrlPathSegment, "path: " + dotSegment);
        }

        if (auth.QueryName is { } name && auth.QueryValue is { } value)
        {
            text += (text.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ConnectorFailureException(ConnectorErrorCodes.UrlInvalid, "baseUrl and path do not form an absolute http(s) URL.");
        }

        return uri;
    }

    private static HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, ResolvedAuth auth)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.ParseAdd("application/json");
        if (method == HttpMethod.Post)
        {
            // The contract has no body for a data-source call; an empty object keeps servers that insist on a
            // JSON POST body happy.
            request.Content = new ByteArrayContent(EmptyJsonObject);
            request.Content.Headers.ContentType = JsonContentType;
        }

        auth.ApplyTo(request);
        return request;
    }

    private static DataFetchOutcome ToOutcome(FieldGroup group, HttpCallResult result)
    {
        switch (result.Failure)
        {
            case HttpCallFailure.Timeout:
                return Failure(ConnectorErrorCodes.Timeout, result.FailureMessage!, result.Attempts);
            case HttpCallFailure.TooLarge:
                return Failure(ConnectorErrorCodes.ResponseTooLarge, result.FailureMessage!, result.Attempts);
            case HttpCallFailure.Connection:
                return Failure(ConnectorErrorCodes.ConnectionFailed, result.FailureMessage!, result.Attempts);
        }

        if (!result.IsSuccessStatus)
        {
            return Failure(ConnectorErrorCodes.HttpStatus, $"The data source answered {result.StatusCode}.", result.Attempts) with { StatusCode = result.StatusCode };
        }

        var body = ResponseBody.Parse(result.Body, out var isJson);
        var ok = new DataFetchOutcome { Ok = true, StatusCode = result.StatusCode, Attempts = result.Attempts };
        if (group.Fields is not { Count: > 0 } fields)
        {
            return ok with { Body = body ?? ResponseBody.EmptyObject() };
        }

        if (body is not { } parsed || !isJson)
        {
            return Failure(ConnectorErrorCodes.ResponseMalformed, "The data source did not answer with JSON.", result.Attempts) with { StatusCode = result.StatusCode };
        }

        if (ResponseBody.CheckFields(parsed, fields) is { } problem)
        {
            return Failure(ConnectorErrorCodes.ResponseFieldType, problem, result.Attempts) with { StatusCode = result.StatusCode };
        }

        return ok with { Body = ResponseBody.Extract(parsed, fields) };
    }

    private static DataFetchOutcome Failure(string code, string message, int attempts = 0) =>
        new() { Ok = false, ErrorCode = code, Error = message, Attempts = attempts };
}
