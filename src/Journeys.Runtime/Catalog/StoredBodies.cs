using Journeys.Core.Model;
using Journeys.Core.Serialization;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// Reads the bodies stores hold. They were written by <see cref="ContractJson"/>; one that no longer reads is corrupt
/// data, not a user error, so it throws.
/// </summary>
internal static class StoredBodies
{
    public static Journey Journey(string json) => Parsed(ContractJson.ReadJourney(json), "journey");

    public static T Parsed<T>(ContractReadResult<T> read, string noun)
        where T : class =>
        read.Value ?? throw new InvalidOperationException(
            $"A stored {noun} body cannot be read: {string.Join("; ", read.Errors.Select(e => $"{e.Code} at {e.Path}"))}.");
}
