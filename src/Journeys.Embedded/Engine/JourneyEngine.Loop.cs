using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>The loop: one transaction per iteration over a batch of requests and the due timers, and what happens when one fails.</summary>
public sealed partial class JourneyEngine
{
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
        foreach (var journey in await catalog.ListAsync(cancellationToken))
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
}
