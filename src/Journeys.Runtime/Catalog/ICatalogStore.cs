namespace Journeys.Runtime.Catalog;

/// <summary>
/// Storage port of the catalog. Each operation reads or writes one partition only (one resource, or one journey
/// with its versions) and every write is atomic and conditional, so that an Azure Table Storage implementation
/// can map each write to one entity operation or one batch transaction guarded by the partition's ETag.
/// Stores do not validate bodies or decide lifecycle rules; <see cref="JourneyCatalog"/> and <see cref="ResourceCatalog{T}"/> do.
/// </summary>
public interface ICatalogStore
{
    Task<StoredResource?> GetResourceAsync(CatalogResourceKind kind, string id, CancellationToken cancellationToken);

    /// <summary>Every resource of a kind, ordered by id (ordinal).</summary>
    Task<IReadOnlyList<StoredResource>> ListResourcesAsync(CatalogResourceKind kind, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a resource under <paramref name="condition"/>; the store issues a new ETag.</summary>
    Task<StoreWriteResult<StoredResource>> PutResourceAsync(
        CatalogResourceKind kind, string id, string bodyJson, WriteCondition condition, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes a resource under <paramref name="condition"/>; <see cref="StoreWriteStatus.NotFound"/> when absent.</summary>
    Task<StoreWriteStatus> DeleteResourceAsync(CatalogResourceKind kind, string id, WriteCondition condition, CancellationToken cancellationToken);

    Task<StoredJourney?> GetJourneyAsync(string journeyId, CancellationToken cancellationToken);

    /// <summary>Every journey, ordered by id (ordinal).</summary>
    Task<IReadOnlyList<StoredJourney>> ListJourneysAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates a journey (status <see cref="JourneyStatus.Draft"/>) or replaces its draft under
    /// <paramref name="condition"/> on the draft ETag. Never touches status or versions.
    /// </summary>
    Task<StoreWriteResult<StoredJourney>> PutJourneyDraftAsync(
        string journeyId, string draftJson, WriteCondition condition, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically, if the draft ETag still is <paramref name="expectedDraftETag"/>: freezes the draft as version
    /// (highest + 1) with status live, turns the previous live version closed, and makes the journey live.
    /// Concurrent calls get distinct, gap-free numbers. <see cref="StoreWriteStatus.PreconditionFailed"/> when
    /// the draft changed meanwhile.
    /// </summary>
    Task<StoreWriteResult<JourneyLifecycleChange>> PublishDraftAsync(
        string journeyId, string expectedDraftETag, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically, if the journey's status still is <paramref name="expected"/>: sets it to <paramref name="next"/>
    /// and carries the versions along: the live version takes the new status (closed or stopped) and, when
    /// stopping, every closed version becomes stopped too. Supported transitions: live → closed, live → stopped,
    /// closed → stopped. <see cref="StoreWriteStatus.PreconditionFailed"/> when the status differs.
    /// </summary>
    Task<StoreWriteResult<JourneyLifecycleChange>> ChangeJourneyStatusAsync(
        string journeyId, JourneyStatus expected, JourneyStatus next, DateTimeOffset now, CancellationToken cancellationToken);

    Task<StoredJourneyVersion?> GetJourneyVersionAsync(string journeyId, int version, CancellationToken cancellationToken);
}
