using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Journeys.Core.Execution;
using Journeys.Core.Routing;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Commands;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;
using Journeys.Runtime.Time;
using Microsoft.Extensions.Logging;

namespace Journeys.Embedded.Engine;

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
    private readonly JourneyCatalog catalog;
    private readonly CommandExecutor commands;
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
        JourneyCatalog catalog,
        ActionInvoker actions,
        DataSourceClient dataSources,
        EngineOptions? options = null,
        TimeProvider? realTime = null,
        ILogger<JourneyEngine>? logger = null)
    {
        this.openWriter = openWriter;
        this.reader = reader;
        this.catalog = catalog;
        commands = new CommandExecutor(actions, dataSources);
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
        EngineLog.Stopped(logger);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
        abandonWork.Dispose();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The {What} of instance {InstanceId} could not be applied; the instance ends errored")]
    private static partial void LogStepFailed(ILogger logger, string what, string instanceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "An ingested event could not be applied; it alone was undone and answered with the error")]
    private static partial void LogEventFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying the result of a call of instance {InstanceId} failed; it stays queued")]
    private static partial void LogWorkFailed(ILogger logger, string instanceId, Exception exception);
}
