using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// Sends one logical call through Polly: a timeout per attempt (covering the body read too), retries with
/// exponential backoff and jitter on 5xx, 408, 429, timeouts and broken connections, never on other 4xx.
/// Bodies are read inside the attempt with a size limit, so a slow or huge body counts against the attempt.
/// </summary>
internal sealed class HttpCallExecutor
{
    private readonly IHttpClientFactory clientFactory;
    private readonly string clientName;
    private readonly ConnectorOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ConcurrentDictionary<(int TimeoutMs, int MaxRetries), ResiliencePipeline<HttpResponseMessage>> pipelines = new();
    private readonly Http10Endpoints http10 = new();

    public HttpCallExecutor(IHttpClientFactory clientFactory, string clientName, ConnectorOptions options, TimeProvider timeProvider)
    {
        this.clientFactory = clientFactory;
        this.clientName = clientName;
        this.options = options;
        this.timeProvider = timeProvider;
    }

    /// <param name="createRequest">Builds a fresh request per attempt (a request message cannot be sent twice).</param>
    public async Task<HttpCallResult> SendAsync(Func<HttpRequestMessage> createRequest, int timeoutMs, int maxRetries, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetOrAdd((timeoutMs, maxRetries), key => BuildPipeline(key.TimeoutMs, key.MaxRetries));
        var attempts = 0;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await SendOnceAsync(createRequest, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            var body = response.Content is ByteArrayContent buffered ? await buffered.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false) : [];
            return new HttpCallResult((int)response.StatusCode, body, response.Content?.Headers.ContentType?.MediaType, attempts, stopwatch.ElapsedMilliseconds, HttpCallFailure.None, null);
        }
        catch (TimeoutRejectedException)
        {
            return Failed(HttpCallFailure.Timeout, $"No answer within {timeoutMs} ms (attempt {attempts}).");
        }
        catch (ResponseTooLargeException exception)
        {
            return Failed(HttpCallFailure.TooLarge, exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return Failed(HttpCallFailure.Connection, "Connection failed: " + exception.Message);
        }

        HttpCallResult Failed(HttpCallFailure failure, string message) =>
            new(null, [], null, attempts, stopwatch.ElapsedMilliseconds, failure, message);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var response = await SendRespectingHttp10Async(createRequest, cancellationToken).ConfigureAwait(false);
        var uri = response.RequestMessage!.RequestUri!;
        try
        {
            // Learnt from the headers, before the body is read: reading it to the end hands the connection back to the pool.
            http10.Learn(uri, response);
            var original = response.Content;
            var body = await ReadBoundedAsync(original, cancellationToken).ConfigureAwait(false);
            var buffered = new ByteArrayContent(body);
            foreach (var header in original.Headers)
            {
                buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = buffered;
            original.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends through the pooled client, or the single-use one for a known HTTP/1.0 endpoint. A call that raced the
    /// learning of such an endpoint may have been handed a pooled connection its server was closing: the server, which
    /// answers one request per connection, never read it, so it is sent once more on a fresh connection (at least
    /// once, with the same idempotency key) instead of failing with "The response ended prematurely".
    /// </summary>
    private async Task<HttpResponseMessage> SendRespectingHttp10Async(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        var request = createRequest();
        var uri = request.RequestUri!;
        var pooled = !http10.Contains(uri);
        try
        {
            var client = clientFactory.CreateClient(pooled ? clientName : ConnectorHttpClients.SingleUse(clientName));
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (pooled && ex.HttpRequestError == HttpRequestError.ResponseEnded && http10.Contains(uri))
        {
            request.Dispose();
            request = createRequest();
            return await clientFactory.CreateClient(ConnectorHttpClients.SingleUse(clientName))
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The response keeps a reference to its request (RequestMessage); its content was sent and may go.
            request.Content?.Dispose();
        }
    }

    /// <summary>Reads at most <see cref="ConnectorOptions.MaxResponseBytes"/>; refuses early on a larger Content-Length.</summary>
    private async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var limit = options.MaxResponseBytes;
        if (content.Headers.ContentLength is { } declared && declared > limit)
        {
            throw new ResponseTooLargeException($"The response declares {declared} bytes; the limit is {limit}.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limit + 1, 81920));
            try
            {
                using var collected = new MemoryStream();
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (collected.Length + read > limit)
                    {
                        throw new ResponseTooLargeException($"The response is larger than the limit of {limit} bytes.");
                    }

                    collected.Write(buffer, 0, read);
                }

                return collected.ToArray();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(int timeoutMs, int maxRetries)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            });
        }

        // Inside the retry: each attempt gets the full timeout.
        builder.AddTimeout(TimeSpan.FromMilliseconds(timeoutMs));
        return builder.Build();
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is TimeoutRejectedException or HttpRequestException or IOException;
        }

        return IsTransientStatus((int)outcome.Result!.StatusCode);
    }

    /// <summary>Statuses worth another attempt: 5xx, 408 and 429 (never 400, 401, 403, 404 or other 4xx).</summary>
    internal static bool IsTransientStatus(int status) =>
        status >= 500 || status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests;

    /// <summary>Honours <c>Retry-After</c> on 429/503 up to <see cref="ConnectorOptions.MaxRetryAfter"/>; null keeps the backoff.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response is null
            || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - timeProvider.GetUtcNow() : TimeSpan.Zero);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.MaxRetryAfter ? options.MaxRetryAfter : wait;
    }
}
