using System.Collections.Concurrent;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// The journeys of the catalog and their lifecycle (SPEC §4) over an <see cref="ICatalogStore"/>: drafts with ETags,
/// validation against the current configuration, publishing immutable numbered versions, close and stop, and the
/// published versions the runtime executes. Failures a user can cause come back as <see cref="CatalogResult{T}"/>
/// failures with stable codes, never as exceptions; exceptions mean a broken store or corrupt data. The configuration
/// resources journeys use are written through a <see cref="ResourceCatalog{T}"/> over this catalog.
/// </summary>
public sealed partial class JourneyCatalog
{
    /// <summary>
    /// How often an operation re-reads and retries when a concurrent writer changed the journey between its read
    /// and its conditional write. Each lost race means another writer succeeded, so a few rounds suffice.
    /// </summary>
    private const int MaxAttempts = 8;

    private readonly TimeProvider time;
    private readonly IReadOnlyList<IJourneyLifecycleObserver> observers;

    // Published versions are immutable, so their parsed form is cached for the life of the process.
    private readonly ConcurrentDictionary<(string JourneyId, int Version), PublishedJourneyVersion> versions = new();

    private long revision;

    public JourneyCatalog(
        ICatalogStore store,
        ICatalogValidator? validator = null,
        TimeProvider? time = null,
        IEnumerable<IJourneyLifecycleObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
        Validator = validator ?? ContractCatalogValidator.Instance;
        this.time = time ?? TimeProvider.System;
        this.observers = observers?.ToList() ?? [];
    }

    /// <summary>
    /// Changes whenever this process has written configuration (through a <see cref="ResourceCatalog{T}"/> over this
    /// catalog) or changed a journey's lifecycle, so that a runtime in the same process knows when to rebuild what it
    /// derived from the catalog (routing tables, compiled journeys). A runtime sharing the store with other processes
    /// must also refresh on a timer.
    /// </summary>
    public long Revision => Interlocked.Read(ref revision);

    internal ICatalogStore Store { get; }

    internal ICatalogValidator Validator { get; }

    internal DateTimeOffset Now => time.GetUtcNow();

    // ---- Drafts ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Creates the journey or replaces its draft under a parsed precondition on the draft ETag (<c>If-None-Match: *</c>
    /// is "create only": 412 when the journey exists). Drafts are not validated here.
    /// </summary>
    public async Task<CatalogResult<CatalogPut<JourneyDetails>>> PutDraftAsync(
        string id, Journey draft, WriteCondition condition = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        var written = await Store.PutJourneyDraftAsync(id, ContractJson.Write(draft), condition, Now, cancellationToken);
        return written.Status switch
        {
            StoreWriteStatus.Created or StoreWriteStatus.Updated =>
                CatalogResult<CatalogPut<JourneyDetails>>.Success(new(ToDetails(written.Value!), written.Status == StoreWriteStatus.Created)),
            _ => CatalogFailures.PreconditionFailed($"journey '{id}'", condition),
        };
    }

    /// <summary>The journey: its draft with the draft ETag, its status and its versions.</summary>
    public async Task<CatalogResult<JourneyDetails>> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        return await Store.GetJourneyAsync(id, cancellationToken) is { } stored
            ? CatalogResult<JourneyDetails>.Success(ToDetails(stored))
            : CatalogFailures.NotFound($"journey '{id}'");
    }

    /// <summary>Every journey, ordered by id.</summary>
    public async Task<IReadOnlyList<JourneyDetails>> ListAsync(CancellationToken cancellationToken = default)
    {
        var stored = await Store.ListJourneysAsync(cancellationToken);
        return stored.Select(ToDetails).ToList();
    }

    // ---- Lifecycle ------------------------------------------------------------------------------------------

    /// <summary>Validates the draft against the current catalog and returns every problem (a valid result is not a failure).</summary>
    public async Task<CatalogResult<ValidationResult>> ValidateAsync(string id, CancellationToken cancellationToken = default)
    {
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        if (await Store.GetJourneyAsync(id, cancellationToken) is not { } stored)
        {
            return CatalogFailures.NotFound($"journey '{id}'");
        }

        var lookup = await GetConfigurationAsync(cancellationToken);
        return CatalogResult<ValidationResult>.Success(Validator.ValidateJourney(id, StoredBodies.Journey(stored.DraftJson), lookup));
    }

    /// <summary>
    /// Validates the draft and, when valid, freezes it as version N+1 and makes it live; the previous live version
    /// closes. With an <c>If-Match</c> <paramref name="condition"/> (parsed strictly, once, at the HTTP edge) the
    /// publish applies only to that draft ETag (412 otherwise); without it, a draft changed concurrently is re-read
    /// and re-validated.
    /// </summary>
    public async Task<CatalogResult<JourneyLifecycleChange>> PublishAsync(
        string id, WriteCondition condition = default, CancellationToken cancellationToken = default)
    {
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await Store.GetJourneyAsync(id, cancellationToken) is not { } stored)
            {
                return CatalogFailures.NotFound($"journey '{id}'");
            }

            if (!condition.IsSatisfiedBy(stored.DraftETag))
            {
                return CatalogFailures.PreconditionFailed($"journey '{id}'", condition);
            }

            var validation = Validator.ValidateJourney(id, StoredBodies.Journey(stored.DraftJson), await GetConfigurationAsync(cancellationToken));
            if (!validation.IsValid)
            {
                return new CatalogFailure(CatalogErrorCodes.Invalid, $"Journey '{id}' cannot be published: its draft has {validation.Errors.Count} validation error(s).")
                {
                    Issues = validation.Errors,
                };
            }

            var published = await Store.PublishDraftAsync(id, stored.DraftETag, Now, cancellationToken);
            switch (published.Status)
            {
                case StoreWriteStatus.NotFound:
                    return CatalogFailures.NotFound($"journey '{id}'");
                case StoreWriteStatus.PreconditionFailed when condition.Kind == WriteConditionKind.ETagMatches:
                    return CatalogFailures.PreconditionFailed($"journey '{id}'", condition);
                case StoreWriteStatus.PreconditionFailed:
                    continue; // The draft changed after we validated it: validate the new one.
                default:
                    await NotifyAsync(published.Value!, cancellationToken);
                    return CatalogResult<JourneyLifecycleChange>.Success(published.Value! with { Warnings = validation.Warnings });
            }
        }

        return CatalogFailures.Contended(id);
    }

    /// <summary>Live → closed: no new entrants, active instances finish. Closing a closed journey changes nothing.</summary>
    public Task<CatalogResult<JourneyLifecycleChange>> CloseAsync(string id, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(id, JourneyStatus.Closed, cancellationToken);

    /// <summary>
    /// Live or closed → stopped: the live and closed versions become stopped, and the runtime ends their active
    /// instances (see <see cref="IJourneyLifecycleObserver"/>). Stopping a stopped journey changes nothing.
    /// </summary>
    public Task<CatalogResult<JourneyLifecycleChange>> StopAsync(string id, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(id, JourneyStatus.Stopped, cancellationToken);

    // ---- Published versions ---------------------------------------------------------------------------------

    /// <summary>One published version (cached: versions never change).</summary>
    public async Task<CatalogResult<PublishedJourneyVersion>> GetVersionAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        return await FindVersionAsync(id, version, cancellationToken) is { } found
            ? CatalogResult<PublishedJourneyVersion>.Success(found)
            : CatalogFailures.NotFound($"version {version} of journey '{id}'");
    }

    /// <summary>The version of a journey that takes new entrants now, or null when it has none (draft, closed, stopped, unknown).</summary>
    public async Task<PublishedJourneyVersion?> GetLiveVersionAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!CatalogFailures.IsValidId(id) || await Store.GetJourneyAsync(id, cancellationToken) is not { LiveVersion: { } live })
        {
            return null;
        }

        return await FindVersionAsync(id, live, cancellationToken);
    }

    /// <summary>The live version of every live journey, ordered by journey id: what event routing enters profiles into.</summary>
    public async Task<IReadOnlyList<PublishedJourneyVersion>> ListLiveVersionsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<PublishedJourneyVersion>();
        foreach (var journey in await Store.ListJourneysAsync(cancellationToken))
        {
            if (journey.LiveVersion is { } live && await FindVersionAsync(journey.Id, live, cancellationToken) is { } version)
            {
                result.Add(version);
            }
        }

        return result;
    }

    /// <summary>
    /// The configuration journeys are validated and compiled against, read once: every event definition, data source
    /// and custom action, and the journey ids (jump targets).
    /// </summary>
    public async Task<CatalogSnapshot> GetConfigurationAsync(CancellationToken cancellationToken = default)
    {
        async Task<SortedDictionary<string, TBody>> ReadAsync<TBody>(ResourceCodec<TBody> codec)
            where TBody : class
        {
            var bodies = new SortedDictionary<string, TBody>(StringComparer.Ordinal);
            foreach (var stored in await Store.ListResourcesAsync(codec.Kind, cancellationToken))
            {
                bodies[stored.Id] = codec.Read(stored.BodyJson);
            }

            return bodies;
        }

        var events = await ReadAsync(ResourceCodecs.EventDefinitions);
        var sources = await ReadAsync(ResourceCodecs.DataSources);
        var actions = await ReadAsync(ResourceCodecs.CustomActions);
        var journeys = await Store.ListJourneysAsync(cancellationToken);
        return new CatalogSnapshot(
            events,
            sources,
            actions,
            journeys.ToDictionary(j => j.Id, j => ContractJson.ReadJourney(j.DraftJson).Value?.Entry, StringComparer.Ordinal));
    }

    // ---- Shared with the resource catalogs ------------------------------------------------------------------

    internal void AdvanceRevision() => Interlocked.Increment(ref revision);

    // ---- Plumbing -------------------------------------------------------------------------------------------

    private async Task<CatalogResult<JourneyLifecycleChange>> ChangeStatusAsync(
        string id, JourneyStatus target, CancellationToken cancellationToken)
    {
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await Store.GetJourneyAsync(id, cancellationToken) is not { } stored)
            {
                return CatalogFailures.NotFound($"journey '{id}'");
            }

            if (stored.Status == target)
            {
                // Repeating a close or stop (a retried HTTP call) is not an error and changes nothing.
                return CatalogResult<JourneyLifecycleChange>.Success(new(id, target, stored.LiveVersion, []));
            }

            if (!JourneyTransitions.IsAllowed(stored.Status, target))
            {
                var verb = target == JourneyStatus.Closed ? "closed" : "stopped";
                return new CatalogFailure(CatalogErrorCodes.Conflict, $"Journey '{id}' is {stored.Status.ToString().ToLowerInvariant()} and cannot be {verb}.");
            }

            var changed = await Store.ChangeJourneyStatusAsync(id, stored.Status, target, Now, cancellationToken);
            switch (changed.Status)
            {
                case StoreWriteStatus.NotFound:
                    return CatalogFailures.NotFound($"journey '{id}'");
                case StoreWriteStatus.PreconditionFailed:
                    continue; // A publish or another close/stop won the race: decide again on the new status.
                default:
                    await NotifyAsync(changed.Value!, cancellationToken);
                    return CatalogResult<JourneyLifecycleChange>.Success(changed.Value!);
            }
        }

        return CatalogFailures.Contended(id);
    }

    private async Task<PublishedJourneyVersion?> FindVersionAsync(string id, int version, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        if (await Store.GetJourneyVersionAsync(id, version, cancellationToken) is not { } stored)
        {
            return null;
        }

        return versions.GetOrAdd((id, version), new PublishedJourneyVersion(id, version, StoredBodies.Journey(stored.BodyJson), stored.PublishedAt));
    }

    private async Task NotifyAsync(JourneyLifecycleChange change, CancellationToken cancellationToken)
    {
        AdvanceRevision();
        foreach (var observer in observers)
        {
            await observer.OnLifecycleChangedAsync(change, cancellationToken);
        }
    }

    private static JourneyDetails ToDetails(StoredJourney stored) =>
        new(stored.Id, StoredBodies.Journey(stored.DraftJson), stored.DraftETag, stored.DraftUpdatedAt, stored.Status, stored.LiveVersion, stored.Versions);
}
