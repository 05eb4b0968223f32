using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;

namespace Journeys.Azure.Durable;

/// <summary>
/// The routing table of a process that shares its catalog with other processes (Azure: many Functions instances
/// over one Table Storage catalog). Rebuilt when this process changed the catalog (its revision moved) and at
/// least every <c>maxAge</c>, so that a publish made elsewhere takes effect within that time.
/// </summary>
public sealed class RoutingTableCache(JourneyCatalog journeys, TimeProvider time, TimeSpan maxAge) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private RoutingTable? table;
    private DateTimeOffset builtAt;

    public async Task<RoutingTable> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh(table) is { } current)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(table) is { } built)
            {
                return built;
            }

            var now = time.GetUtcNow();
            table = await RoutingTable.BuildAsync(journeys, cancellationToken);
            builtAt = now;
            return table;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    private RoutingTable? Fresh(RoutingTable? candidate) =>
        candidate is not null && candidate.Revision == journeys.Revision && time.GetUtcNow() - builtAt < maxAge ? candidate : null;
}
