using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;

namespace Journeys.Azure.Durable;

/// <summary>
/// Compiled snapshots of one process. Orchestrations compile from the snapshot in their history on every replay,
/// so compilations are cached by the snapshot's content, which cannot go stale. (Activities compile through the
/// routing table instead, which is rebuilt at each catalog revision.) Bounded: cleared when it grows past
/// <see cref="Capacity"/> entries.
/// </summary>
public sealed class CompiledJourneyCache
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, CompiledJourney> bySnapshot = new(StringComparer.Ordinal);

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
}
