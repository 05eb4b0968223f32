using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Conformance;

/// <summary>One scenario on one host: the configuration defined, the named journeys published, and the reads a scenario asserts on.</summary>
public sealed class ConformanceRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private ConformanceRun(IJourneyHostUnderTest host) => Host = host;

    public IJourneyHostUnderTest Host { get; }

    public IReadOnlyList<RecordedRequest> Requests => Host.Services.Requests;

    public static async Task<ConformanceRun> StartAsync(IJourneyHostUnderTest host, params string[] journeys)
    {
        ArgumentNullException.ThrowIfNull(host);
        var run = new ConformanceRun(host);
        try
        {
            await ConformanceCatalog.DefineAsync(host.Catalog, host.Services);
            foreach (var journey in journeys)
            {
                await ConformanceCatalog.PublishAsync(host.Catalog, journey);
            }
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }

        return run;
    }

    /// <summary>The requests whose path starts with <c>/{prefix}/</c> (one action or data source), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> RequestsTo(string prefix) =>
        Requests.Where(r => r.PathAndQuery.StartsWith("/" + prefix + "/", StringComparison.Ordinal)).ToList();

    public Task PutDraftAsync(string journeyId) => ConformanceCatalog.PutDraftAsync(Host.Catalog, journeyId);

    public Task<int> PublishAsync(string journeyId) => ConformanceCatalog.PublishAsync(Host.Catalog, journeyId);

    public Task<int> PublishDraftAsync(string journeyId) => ConformanceCatalog.PublishDraftAsync(Host.Catalog, journeyId);

    public async Task<IngestResult> IngestAsync(string json) => Assert.Single(await IngestAsync([json]));

    /// <summary>Ingests the events as one batch (one request, one Event Hubs batch).</summary>
    public async Task<IReadOnlyList<IngestResult>> IngestAsync(IReadOnlyList<string> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var documents = events.Select(e => JsonDocument.Parse(e)).ToList();
        try
        {
            return await Host.Runtime.IngestAsync(documents.Select(d => d.RootElement).ToList());
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    /// <summary>The profile's instance view once <paramref name="condition"/> holds (polled, as a client of the API would).</summary>
    public async Task<InstanceView> WaitForAsync(string journeyId, string profileId, Func<InstanceView, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var patience = new CancellationTokenSource(Patience);
        InstanceView? last = null;
        try
        {
            while (true)
            {
                last = await Host.Runtime.GetInstanceAsync(journeyId, profileId, patience.Token);
                if (last is not null && condition(last))
                {
                    return last;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
            }
        }
        catch (OperationCanceledException) when (patience.IsCancellationRequested)
        {
            throw new TimeoutException($"{journeyId}/{profileId} did not reach the expected state in {Patience}; last seen: {Describe(last)}");
        }
    }

    /// <summary>Waits until the profile's run waits for an event (it has recorded its waitForEvent node).</summary>
    public Task<InstanceView> WaitForEventWaitAsync(string journeyId, string profileId, string node) =>
        WaitForAsync(journeyId, profileId, view => view.Node == node && view.Waiting == WaitKind.Event);

    public Task<InstanceView> WaitForEndAsync(string journeyId, string profileId) => Host.WaitForEndAsync(journeyId, profileId, Patience);

    public async Task<JourneyReport> ReportAsync(string journeyId) => await Host.Runtime.GetReportAsync(journeyId) ?? throw new InvalidOperationException($"No report for '{journeyId}'.");

    /// <summary>The report of the journey's one version.</summary>
    public async Task<VersionReport> VersionAsync(string journeyId) => Assert.Single((await ReportAsync(journeyId)).Versions);

    /// <summary>
    /// The report of the journey's one version once <paramref name="condition"/> holds. Durable writes a step's
    /// counters after its step events, one counter row at a time, so a report read while an instance runs may lag
    /// behind its instance view; the embedded engine writes both in one transaction.
    /// </summary>
    public async Task<VersionReport> WaitForVersionAsync(string journeyId, Func<VersionReport, bool> condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var version = await VersionAsync(journeyId);
            if (condition(version))
            {
                return version;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    /// <summary>The nodes the run entered, in order.</summary>
    public static List<string> Path(InstanceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Steps.Where(step => step.Kind == StepEventKind.Entered).Select(step => step.Node!).ToList();
    }

    private static string Describe(InstanceView? view) => view is null
        ? "no instance"
        : $"{view.Status} at {view.Node} ({view.Waiting}), path {string.Join(" → ", Path(view))}";
}
