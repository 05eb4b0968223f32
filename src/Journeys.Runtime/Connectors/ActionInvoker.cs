using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Core.Expressions;
using Journeys.Core.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// Calls custom actions over HTTP (SPEC §2, §5): renders the templates over <c>params</c>, adds auth from
/// configuration and the <c>Idempotency-Key</c>, enforces <c>capPerMinute</c>, and sends through the retry and
/// timeout pipeline. Every failure becomes an <see cref="ActionOutcome"/>; only cancellation by the caller throws.
/// </summary>
public sealed class ActionInvoker
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    // Keyed by definition instance: catalog versions are immutable objects, so a new version compiles anew and an
    // old one is collected with its templates.
    private readonly ConditionalWeakTable<CustomAction, ActionRequestTemplate> templates = new();
    private readonly IConfiguration configuration;
    private readonly IActionCallLimiter limiter;
    private readonly ConnectorOptions options;
    private readonly TimeProvider timeProvider;
    private readonly HttpCallExecutor executor;

    public ActionInvoker(IHttpClientFactory clientFactory, IConfiguration configuration, IActionCallLimiter limiter, IOptions<ConnectorOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.configuration = configuration;
        this.limiter = limiter;
        this.options = options.Value;
        this.timeProvider = timeProvider;
        executor = new HttpCallExecutor(clientFactory, ConnectorHttpClients.Actions, this.options, timeProvider);
    }

    /// <param name="actionId">The action's catalog id: <c>capPerMinute</c> is counted per id, across versions.</param>
    /// <param name="action">The definition (treated as immutable once called).</param>
    /// <param name="parameters">The evaluated <c>params</c> object the templates read.</param>
    /// <param name="idempotencyKey">Sent unchanged on every attempt; stable across retries and restarts.</param>
    public async Task<ActionOutcome> InvokeAsync(string actionId, CustomAction action, JsonElement parameters, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);

        var stopwatch = Stopwatch.StartNew();
        PreparedCall call;
        try
        {
            call = Prepare(action, parameters);
        }
        catch (ConnectorFailureException failure)
        {
            return Error(failure.Code, failure.Message, stopwatch);
        }

        if (action.CapPerMinute is > 0 and var cap && !await limiter.TryAcquireAsync(actionId, cap, cancellationToken).ConfigureAwait(false))
        {
            return new ActionOutcome
            {
                Status = ActionStatus.Capped,
                LatencyMs = stopwatch.ElapsedMilliseconds,
                ErrorCode = ConnectorErrorCodes.Capped,
                ErrorMessage = $"Action '{actionId}' reached its cap of {cap} calls per minute; the endpoint was not called.",
            };
        }

        var timeoutMs = action.TimeoutMs is > 0 and var timeout ? timeout : (int)options.DefaultTimeout.TotalMilliseconds;
        var maxRetries = action.MaxRetries is >= 0 and var retries ? retries : options.DefaultActionMaxRetries;
        var result = await executor.SendAsync(() => call.CreateRequest(idempotencyKey), timeoutMs, maxRetries, cancellationToken).ConfigureAwait(false);
        return ToOutcome(action, result, stopwatch.ElapsedMilliseconds);
    }

    private PreparedCall Prepare(CustomAction action, JsonElement parameters)
    {
        var template = Template(action);
        var auth = template.Errors.Count > 0 ? ResolvedAuth.None : AuthResolver.Resolve(action.Auth, configuration);
        var rendered = template.Render(parameters, timeProvider.GetUtcNow(), auth);
        return new PreparedCall(rendered.Method, rendered.Uri, rendered.Headers, rendered.Body, auth);
    }

    private ActionRequestTemplate Template(CustomAction action) => templates.GetValue(action, definition => new ActionRequestTemplate(definition));

    /// <summary>
    /// What the last attempt of a call means for the journey: timeouts, broken connections and non-2xx statuses are
    /// failures, and a 2xx answer must carry the <c>responseFields</c> the action declares. The simulator feeds it
    /// the stubbed attempts, so a stub fails exactly where a real answer would.
    /// </summary>
    internal static ActionOutcome ToOutcome(CustomAction action, HttpCallResult result, long latency)
    {
        switch (result.Failure)
        {
            case HttpCallFailure.Timeout:
                return new ActionOutcome { Status = ActionStatus.TimedOut, Attempts = result.Attempts, LatencyMs = latency, ErrorCode = ConnectorErrorCodes.Timeout, ErrorMessage = result.FailureMessage };
            case HttpCallFailure.TooLarge:
                return new ActionOutcome { Status = ActionStatus.Error, Attempts = result.Attempts, LatencyMs = latency, ErrorCode = ConnectorErrorCodes.ResponseTooLarge, ErrorMessage = result.FailureMessage };
            case HttpCallFailure.Connection:
                return new ActionOutcome { Status = ActionStatus.Error, Attempts = result.Attempts, LatencyMs = latency, ErrorCode = ConnectorErrorCodes.ConnectionFailed, ErrorMessage = result.FailureMessage };
        }

        var body = ResponseBody.Parse(result.Body, out var isJson);
        var outcome = new ActionOutcome { Status = ActionStatus.Ok, StatusCode = result.StatusCode, Body = body, Attempts = result.Attempts, LatencyMs = latency };
        if (!result.IsSuccessStatus)
        {
            return outcome with { Status = ActionStatus.Error, ErrorCode = ConnectorErrorCodes.HttpStatus, ErrorMessage = $"The endpoint answered {result.StatusCode}." };
        }

        if (action.ResponseFields is { Count: > 0 } fields)
        {
            if (body is not { } parsed || !isJson)
            {
                return outcome with { Status = ActionStatus.Error, ErrorCode = ConnectorErrorCodes.ResponseMalformed, ErrorMessage = "The response is not JSON but the action declares responseFields." };
            }

            if (ResponseBody.CheckFields(parsed, fields) is { } problem)
            {
                return outcome with { Status = ActionStatus.Error, ErrorCode = ConnectorErrorCodes.ResponseFieldType, ErrorMessage = problem };
            }
        }

        return outcome;
    }

    private static ActionOutcome Error(string code, string message, Stopwatch stopwatch) =>
        new() { Status = ActionStatus.Error, LatencyMs = stopwatch.ElapsedMilliseconds, ErrorCode = code, ErrorMessage = message };

    /// <summary>Everything rendered once per call; each attempt builds a fresh message from it.</summary>
    private sealed record PreparedCall(HttpMethod Method, Uri Uri, List<(string Name, string Value)> Headers, byte[]? Body, ResolvedAuth Auth)
    {
        public HttpRequestMessage CreateRequest(string idempotencyKey)
        {
            var request = new HttpRequestMessage(Method, Uri);
            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Body);
                request.Content.Headers.ContentType = JsonContentType;
            }

            request.Headers.Accept.ParseAdd("application/json");
            foreach (var (name, value) in Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value) && request.Content is not null)
                {
                    // Content headers (e.g. a custom Content-Type) live on the content.
                    request.Content.Headers.Remove(name);
                    request.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            Auth.ApplyTo(request);
            request.Headers.Remove(IdempotencyKeyHeader);
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
            return request;
        }
    }
}
