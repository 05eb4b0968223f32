using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Journeys.Catalog;
using Journeys.Connectors;
using Journeys.Execution;
using Journeys.Ingestion;
using Journeys.Reporting;
using Journeys.Routing;
using Journeys.Time;
using Microsoft.Extensions.Logging;

namespace Journeys.Engine;

/// <summary>
/// The embedded durable runtime (SPEC §5 on one machine). One loop owns every state change and applies a group of
/// requests (ingest batches, finished calls, due timers, stops) in one transaction, so an ingest batch is one
/// transaction and a crash loses a whole iteration or nothing. Outgoing calls run on a bounded pool of workers
/// outside the transaction; each is queued durably first, so a killed process redoes it on restart with the same
/// idempotency key. On start, queued calls are re-issued and due timers fire.
/// </summary>
public sealed partial class JourneyEngine : IJourneyRuntime, IJourneyLifecycleObserver, IAsyncDisposable
{
    private readonly Func<IRuntimeWriter> openWriter;
    private readonly IRuntimeReader reader;
    private readonly CatalogService catalog;
    private readonly ActionInvoker actions;
    private readonly DataSourceClient dataSources;
    private readonly TimeProvider realTime;
    private readonly EngineOptions options;
    private readonly ILogger logger;
    private readonly Channel<EngineRequest> requests = Channel.CreateUnbounded<EngineRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<PendingWork> work = Channel.CreateUnbounded<PendingWork>();
    private readonly Channel<PendingWork> fetches = Channel.CreateUnbounded<PendingWork>();
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource abandonWork = new();
    private readonly ReportCounters counters = new();

    private IRuntimeWriter? writer;
    private RoutingTable routing = RoutingTable.Empty;
    private ScaledTimeProvider? clock;
    private string databaseId = "local";
    private long nextInstance = 1;
    private DateTimeOffset? nextWake;
    private DateTimeOffset nextKeyPurge;
    private Task? loop;
    private Task[] workers = [];
    private int inFlight;

    public JourneyEngine(
        Func<IRuntimeWriter> openWriter,
        IRuntimeReader reader,
        CatalogService catalog,
        ActionInvoker actions,
        DataSourceClient dataSources,
        EngineOptions? options = null,
        TimeProvider? realTime = null,
        ILogger<JourneyEngine>? logger = null)
    {
        this.openWriter = openWriter;
        this.reader = reader;
        this.catalog = catalog;
        this.actions = actions;
        this.dataSources = dataSources;
        this.options = options ?? new EngineOptions();
        this.realTime = realTime ?? TimeProvider.System;
        this.logger = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>The journey clock (scaled); available once started.</summary>
    public ScaledTimeProvider Clock => clock ?? throw new InvalidOperationException("The engine has not started.");

    /// <summary>Calls and fetches currently executing.</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Opens the store, resumes queued calls, and starts the loop and the workers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (loop is not null)
        {
            return;
        }

        writer = openWriter();
        var meta = writer.LoadMeta();
        databaseId = meta.DatabaseId;
        nextInstance = meta.NextInstance;
        clock = new ScaledTimeProvider(realTime, options.TimeScale, meta.JourneyClock);
        routing = await RoutingTable.BuildAsync(catalog, cancellationToken);
        foreach (var problem in routing.Problems)
        {
            LogRoutingProblem(logger, problem);
        }

        var pending = writer.LoadWork();
        foreach (var item in pending)
        {
            Dispatch(item);
        }

        nextWake = writer.NextWake();
        nextKeyPurge = clock.GetUtcNow();
        workers = Enumerable.Range(0, Math.Max(1, options.MaxConcurrentWork)).Select(_ => Task.Run(() => RunWorkerAsync(work.Reader), CancellationToken.None))
            .Concat(Enumerable.Range(0, Math.Max(1, options.MaxConcurrentFetches)).Select(_ => Task.Run(() => RunWorkerAsync(fetches.Reader), CancellationToken.None)))
            .ToArray();
        loop = Task.Run(RunLoopAsync, CancellationToken.None);
        await StopSweepAsync(cancellationToken);
        LogStarted(logger, pending.Count, options.TimeScale);
    }

    public async Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (loop is null || stopping.IsCancellationRequested)
        {
            throw new EngineUnavailableException("The engine is not running.");
        }

        var completion = new TaskCompletionSource<IReadOnlyList<IngestResult>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await requests.Writer.WriteAsync(new EngineRequest.Ingest(events, completion), cancellationToken);
        return await completion.Task.WaitAsync(cancellationToken);
    }

    public async Task<JourneyReport?> GetReportAsync(string journeyId, CancellationToken cancellationToken = default)
    {
        var journey = await catalog.GetJourneyAsync(journeyId, cancellationToken);
        if (journey.Value is not { } details)
        {
            return null;
        }

        return ReportBuilder.Build(details, await reader.ReadCountersAsync(journeyId, cancellationToken));
    }

    public async Task<InstanceView?> GetInstanceAsync(string journeyId, string profileId, CancellationToken cancellationToken = default)
    {
        var instances = await reader.ReadInstancesAsync(journeyId, profileId, 11, cancellationToken);
        if (instances.Count == 0)
        {
            return null;
        }

        var latest = instances[0];
        return new InstanceView
        {
            Journey = latest.JourneyId,
            ProfileId = latest.ProfileId,
            InstanceId = latest.InstanceId,
            Version = latest.Version,
            Status = latest.Status,
            Node = latest.Node,
            Waiting = latest.Waiting,
            WakeAt = latest.Status == InstanceStatus.Active ? latest.WakeAt : null,
            StartedAt = latest.StartedAt,
            EndedAt = latest.EndedAt,
            Steps = await reader.ReadStepsAsync(latest.InstanceId, cancellationToken),
            Previous = instances.Skip(1).Select(i => new InstanceSummary(i.InstanceId, i.Version, i.Status, i.StartedAt, i.EndedAt)).ToArray(),
        };
    }

    public async Task<HealthReport> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var storage = await reader.PingAsync(cancellationToken);
        var running = loop is { IsCompleted: false };
        return new HealthReport(storage && running ? "ok" : "degraded", storage, running ? null : "the engine loop is not running");
    }

    /// <summary>Active instances in the store (for the demo and tests waiting for a run to finish).</summary>
    public Task<long> CountActiveAsync(CancellationToken cancellationToken = default) => reader.CountActiveAsync(cancellationToken);

    /// <summary>Stop ends every active instance of the stopped versions (SPEC §4); publish and close change routing only.</summary>
    public async Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Status != JourneyStatus.Stopped || loop is null)
        {
            return;
        }

        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await requests.Writer.WriteAsync(new EngineRequest.StopInstances(change.JourneyId, null, completion), cancellationToken);
        await completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Graceful stop: no new ingestion; calls in flight get <see cref="EngineOptions.ShutdownGrace"/> to finish and
    /// be applied; anything still running is abandoned and redone after the next start.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (loop is null || stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync();
        work.Writer.TryComplete();
        fetches.Writer.TryComplete();
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(options.ShutdownGrace);
        try
        {
            await Task.WhenAll(workers).WaitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            await abandonWork.CancelAsync();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        requests.Writer.TryComplete();
        await loop;
        writer?.Dispose();
        writer = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
        abandonWork.Dispose();
    }

    private async Task RunLoopAsync()
    {
        var batch = new List<EngineRequest>();
        while (true)
        {
            if (!requests.Reader.TryPeek(out _))
            {
                var delay = NextDelay();
                if (delay > TimeSpan.Zero)
                {
                    using var wait = new CancellationTokenSource(delay);
                    try
                    {
                        if (!await requests.Reader.WaitToReadAsync(wait.Token))
                        {
                            return;
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        // The next timer is due or it is time to look at the catalog again.
                    }
                }
            }

            batch.Clear();
            DrainInto(batch);
            try
            {
                if (catalog.Revision != routing.Revision)
                {
                    routing = await RoutingTable.BuildAsync(catalog);
                }

                await RunIterationAsync(batch);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogIterationFailed(logger, ex);
                await RetryOneByOneAsync(batch, ex);
            }
        }
    }

    private TimeSpan NextDelay()
    {
        var idle = options.MaxIdle;
        if (nextWake is { } wake && clock is not null)
        {
            var untilWake = clock.RealDelayUntil(wake);
            return untilWake < idle ? untilWake : idle;
        }

        return idle;
    }

    private void DrainInto(List<EngineRequest> batch)
    {
        var events = 0;
        var completions = 0;
        while (events < options.MaxEventsPerTransaction && completions < options.MaxCompletionsPerTransaction && requests.Reader.TryRead(out var request))
        {
            batch.Add(request);
            switch (request)
            {
                case EngineRequest.Ingest ingest:
                    events += ingest.Events.Count;
                    break;
                case EngineRequest.WorkDone:
                    completions++;
                    break;
            }
        }
    }

    /// <summary>One transaction: the requests, then the due timers, then counters and the clock.</summary>
    private async Task RunIterationAsync(IReadOnlyList<EngineRequest> batch)
    {
        var store = writer!;

        // Whole milliseconds: the store keeps times in milliseconds anyway, and the persisted state and step events
        // are four characters shorter per timestamp than with the clock's ticks.
        var now = TruncateToMilliseconds(clock!.GetUtcNow());
        var unit = new UnitOfWork(this, store, now);
        var results = new List<(EngineRequest Request, IReadOnlyList<IngestResult>? Results)>(batch.Count);
        store.Begin();
        try
        {
            foreach (var request in batch)
            {
                results.Add((request, await unit.ApplyAsync(request)));
            }

            await unit.FireDueTimersAsync(options.MaxTimersPerTransaction);
            if (now >= nextKeyPurge)
            {
                store.PurgeEventKeys(now - options.EventKeyRetention, 10_000);
                nextKeyPurge = now.AddMinutes(1);
            }

            if (!counters.IsEmpty)
            {
                store.AddCounters(counters.Deltas);
            }

            store.SaveMeta(nextInstance, now);
            store.Commit();
        }
        catch
        {
            counters.Clear();
            store.Rollback();
            throw;
        }

        // Committed: from here on nothing may make the loop apply these requests again.
        counters.Clear();
        try
        {
            nextWake = store.NextWake();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogIterationFailed(logger, ex);
            nextWake = now;
        }

        foreach (var item in unit.NewWork)
        {
            Dispatch(item);
        }

        foreach (var (request, ingestResults) in results)
        {
            switch (request)
            {
                case EngineRequest.Ingest ingest:
                    ingest.Completion.TrySetResult(ingestResults!);
                    break;
                case EngineRequest.StopInstances stop:
                    stop.Completion.TrySetResult();
                    break;
            }
        }
    }

    /// <summary>
    /// A failed iteration is rolled back whole; its requests are then applied one per transaction so that a single
    /// poisonous request fails alone instead of taking the rest of the batch with it.
    /// </summary>
    private async Task RetryOneByOneAsync(IReadOnlyList<EngineRequest> batch, Exception first)
    {
        if (batch.Count <= 1)
        {
            Fail(batch, first);
            return;
        }

        foreach (var request in batch)
        {
            try
            {
                await RunIterationAsync([request]);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogIterationFailed(logger, ex);
                Fail([request], ex);
            }
        }
    }

    private void Fail(IReadOnlyList<EngineRequest> batch, Exception exception)
    {
        foreach (var request in batch)
        {
            switch (request)
            {
                case EngineRequest.Ingest ingest:
                    ingest.Completion.TrySetException(exception);
                    break;
                case EngineRequest.StopInstances stop:
                    stop.Completion.TrySetException(exception);
                    break;
                case EngineRequest.WorkDone done:
                    // Left in the queue: the call is redone after the next start, with the same idempotency key.
                    LogWorkFailed(logger, done.Work.InstanceId, exception);
                    break;
            }
        }
    }

    private async Task StopSweepAsync(CancellationToken cancellationToken)
    {
        // A stop whose notification was lost (crash right after the catalog write) is applied on the next start.
        foreach (var journey in await catalog.ListJourneysAsync(cancellationToken))
        {
            var stopped = journey.Versions.Where(v => v.Status == JourneyVersionStatus.Stopped).Select(v => v.Version).ToHashSet();
            if (stopped.Count == 0)
            {
                continue;
            }

            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await requests.Writer.WriteAsync(new EngineRequest.StopInstances(journey.Id, stopped, completion), cancellationToken);
            await completion.Task.WaitAsync(cancellationToken);
        }
    }

    private void Dispatch(PendingWork item) =>
        (item.Command is FetchDataCommand ? fetches : work).Writer.TryWrite(item);

    private async Task RunWorkerAsync(ChannelReader<PendingWork> queue)
    {
        while (await queue.WaitToReadAsync(CancellationToken.None))
        {
            while (queue.TryRead(out var item))
            {
                if (abandonWork.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref inFlight);
                try
                {
                    var input = await ExecuteAsync(item, abandonWork.Token);
                    if (abandonWork.IsCancellationRequested)
                    {
                        // The outcome of a call cut short by shutdown is not trusted; it stays queued and is redone.
                        return;
                    }

                    if (input is not null)
                    {
                        await requests.Writer.WriteAsync(new EngineRequest.WorkDone(item, input), CancellationToken.None);
                    }
                }
                catch (OperationCanceledException) when (abandonWork.IsCancellationRequested)
                {
                    return;
                }
                catch (ChannelClosedException)
                {
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }
    }

    /// <summary>Executes a queued command; the stepper gets its outcome as the next input. Null: nothing to apply.</summary>
    private async Task<StepInput?> ExecuteAsync(PendingWork item, CancellationToken cancellationToken)
    {
        var compiled = routing.FindCompiled(item.JourneyId, item.Version)
            ?? await routing.GetCompiledAsync(catalog, item.JourneyId, item.Version, cancellationToken);
        switch (item.Command)
        {
            case CallActionCommand call:
                if (compiled?.Actions.GetValueOrDefault(call.ActionId) is not { } action)
                {
                    return new ActionCompletedInput(
                        call.IdempotencyKey, ActionStatus.Error, null, null, 0, ConnectorErrorCodes.DefinitionInvalid,
                        $"Action '{call.ActionId}' is not available to version {item.Version} of journey '{item.JourneyId}'; nothing was sent.");
                }

                var outcome = await actions.InvokeAsync(call.ActionId, action, call.Params, call.IdempotencyKey, cancellationToken);
                return new ActionCompletedInput(
                    call.IdempotencyKey, outcome.Status, outcome.StatusCode, outcome.Body, outcome.LatencyMs, outcome.ErrorCode, outcome.ErrorMessage, outcome.Attempts);
            case FetchDataCommand fetch:
                if (compiled?.DataSources.GetValueOrDefault(fetch.Source) is not { } source)
                {
                    return new DataFetchedInput(fetch.Source, fetch.Group, null, $"data source '{fetch.Source}' is not defined");
                }

                var fetched = await dataSources.FetchAsync(fetch.Source, source, fetch.Group, fetch.Path, cancellationToken);
                return fetched.Ok
                    ? new DataFetchedInput(fetch.Source, fetch.Group, fetched.Body)
                    : new DataFetchedInput(fetch.Source, fetch.Group, null, fetched.Error ?? fetched.ErrorCode ?? "fetch failed");
            default:
                return null;
        }
    }

    /// <summary>
    /// Fixed-width hex, so that ids increase in text order too: every new instance lands at the right-hand end of the
    /// primary key and step tables, whose pages then fill completely instead of being split half-empty.
    /// </summary>
    private string NewInstanceId() => string.Create(CultureInfo.InvariantCulture, $"{databaseId}-{nextInstance++:x8}");

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left out of routing: {Problem}")]
    private static partial void LogRoutingProblem(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Engine started: {Pending} queued calls resumed, time scale {Scale}")]
    private static partial void LogStarted(ILogger logger, int pending, double scale);

    [LoggerMessage(Level = LogLevel.Error, Message = "An engine iteration failed and was rolled back")]
    private static partial void LogIterationFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The timer of instance {InstanceId} could not be applied; the instance ends errored")]
    private static partial void LogTimerFailed(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An ingested event could not be applied; it alone was undone and answered with the error")]
    private static partial void LogEventFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the result of a call of instance {InstanceId} failed; it stays queued")]
    private static partial void LogWorkFailed(ILogger logger, string instanceId, Exception exception);
}
