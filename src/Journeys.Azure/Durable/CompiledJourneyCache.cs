using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Journeys.Catalog;
using Journeys.Execution;
using Journeys.Orchestration;

namespace Journeys.Durable;

/// <summary>
/// Compiled journeys of one process. Orchestrations compile from the snapshot in their history on every replay,
/// so compilations are cached by the snapshot's content; activities, which have no snapshot, by (journey, version)
/// from a snapshot they take once. Bounded: cleared when it grows past <see cref="Capacity"/> entries.
/// </summary>
public sealed class CompiledJourneyCache(CatalogService catalog)
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, CompiledJourney> bySnapshot = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string JourneyId, int Version), CompiledJourney> byVersion = new();

    /// <summary>Compiles a snapshot (cached by its content); throws <see cref="JourneyCompilationException"/>.</summary>
    public CompiledJourney Compile(JourneySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // Stopped does not change what compiles, so it is left out of the key.
        var json = OrchestrationJson.Serialize(snapshot with { Stopped = false });
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        if (bySnapshot.TryGetValue(key, out var found))
        {
            return found;
        }

        if (bySnapshot.Count >= Capacity)
        {
            bySnapshot.Clear();
        }

        return bySnapshot.GetOrAdd(key, JourneySnapshots.Compile(snapshot));
    }

    /// <summary>The compiled version as the catalog has it now; null when it does not exist or no longer compiles.</summary>
    public async Task<CompiledJourney?> GetAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        if (byVersion.TryGetValue((journeyId, version), out var found))
        {
            return found;
        }

        if (await JourneySnapshots.CreateAsync(catalog, journeyId, version, cancellationToken) is not { } snapshot)
        {
            return null;
        }

        try
        {
            if (byVersion.Count >= Capacity)
            {
                byVersion.Clear();
            }

            return byVersion.GetOrAdd((journeyId, version), Compile(snapshot));
        }
        catch (JourneyCompilationException)
        {
            return null;
        }
    }
}
