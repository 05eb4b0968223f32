using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// The catalog lifecycle of SPEC §4 over an <see cref="ICatalogStore"/>: configuration resources with ETags,
/// journey drafts, validation, publishing immutable numbered versions, close and stop. Failures a user can cause
/// come back as <see cref="CatalogResult{T}"/> failures with stable codes, never as exceptions; exceptions mean
/// a broken store or corrupt data.
/// </summary>
public sealed partial class CatalogService
{
    /// <summary>
    /// How often an operation re-reads and retries when a concurrent writer changed the journey between its read
    /// and its conditional write. Each lost race means another writer succeeded, so a few rounds suffice.
    /// </summary>
    private const int MaxAttempts = 8;

    private readonly ICatalogStore store;
    private readonly ICatalogValidator validator;
    private readonly TimeProvider time;
    private readonly IReadOnlyList<IJourneyLifecycleObserver> observers;

    // Published versions are immutable, so their parsed form is cached for the life of the process.
    private readonly ConcurrentDictionary<(string JourneyId, int Version), PublishedJourneyVersion> versions = new();

    private long revision;

    public CatalogService(
        ICatalogStore store,
        ICatalogValidator? validator = null,
        TimeProvider? time = null,
        IEnumerable<IJourneyLifecycleObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        this.validator = validator ?? ContractCatalogValidator.Instance;
        this.time = time ?? TimeProvider.System;
        this.observers = observers?.ToList() ?? [];
    }

    // ---- Event definitions, data sources, custom actions -------------------------------------------------

    /// <summary>Creates or replaces under a parsed precondition (<c>If-Match</c> and/or <c>If-None-Match</c>, see <see cref="WriteCondition.TryFromHeaders"/>).</summary>
    public Task<CatalogResult<CatalogPut<CatalogEntry<EventDefinition>>>> PutEventDefinitionAsync(
        string id, EventDefinition body, WriteCondition condition = default, CancellationToken cancellationToken = default) =>
        PutResourceAsync(EventCodec, id, body, condition, cancellationToken);

    public Task<CatalogResult<CatalogEntry<EventDefinition>>> GetEventDefinitionAsync(string id, CancellationToken cancellationToken = default) =>
        GetResourceAsync(EventCodec, id, cancellationToken);

    public Task<IReadOnlyList<CatalogEntry<EventDefinition>>> ListEventDefinitionsAsync(CancellationToken cancellationToken = default) =>
        ListResourcesAsync(EventCodec, cancellationToken);

    public Task<CatalogResult<ResourceDeleted>> DeleteEventDefinitionAsync(string id, WriteCondition condition = default, CancellationToken cancellationToken = default) =>
        DeleteResourceAsync(CatalogResourceKind.EventDefinition, id, condition, cancellationToken);

    /// <summary>Creates or replaces under a parsed precondition (<c>If-Match</c> and/or <c>If-None-Match</c>, see <see cref="WriteCondition.TryFromHeaders"/>).</summary>
    public Task<CatalogResult<CatalogPut<CatalogEntry<DataSource>>>> PutDataSourceAsync(
        string id, DataSource body, WriteCondition condition = default, CancellationToken cancellationToken = default) =>
        PutResourceAsync(DataSourceCodec, id, body, condition, cancellationToken);

    public Task<CatalogResult<CatalogEntry<DataSource>>> GetDataSourceAsync(string id, CancellationToken cancellationToken = default) =>
        GetResourceAsync(DataSourceCodec, id, cancellationToken);

    public Task<IReadOnlyList<CatalogEntry<DataSource>>> ListDataSourcesAsync(CancellationToken cancellationToken = default) =>
        ListResourcesAsync(DataSourceCodec, cancellationToken);

    public Task<CatalogResult<ResourceDeleted>> DeleteDataSourceAsync(string id, WriteCondition condition = default, CancellationToken cancellationToken = default) =>
        DeleteResourceAsync(CatalogResourceKind.DataSource, id, condition, cancellationToken);

    /// <summary>Creates or replaces under a parsed precondition (<c>If-Match</c> and/or <c>If-None-Match</c>, see <see cref="WriteCondition.TryFromHeaders"/>).</summary>
    public Task<CatalogResult<CatalogPut<CatalogEntry<CustomAction>>>> PutCustomActionAsync(
        string id, CustomAction body, WriteCondition condition = default, CancellationToken cancellationToken = default) =>
        PutResourceAsync(ActionCodec, id, body, condition, cancellationToken);

    public Task<CatalogResult<CatalogEntry<CustomAction>>> GetCustomActionAsync(string id, CancellationToken cancellationToken = default) =>
        GetResourceAsync(ActionCodec, id, cancellationToken);

    public Task<IReadOnlyList<CatalogEntry<CustomAction>>> ListCustomActionsAsync(CancellationToken cancellationToken = default) =>
        ListResourcesAsync(ActionCodec, cancellationToken);

    public Task<CatalogResult<ResourceDeleted>> DeleteCustomActionAsync(string id, WriteCondition condition = default, CancellationToken cancellationToken = default) =>
        DeleteResourceAsync(CatalogResourceKind.CustomAction, id, condition, cancellationToken);

    // ---- Journeys -------------------------------------------------------------------------------------------

    /// <summary>
    /// Creates the journey or replaces its draft under a parsed precondition on the draft ETag (<c>If-None-Match: *</c>
    /// is "create only": 412 when the journey exists).
    /// </summary>
    public async Task<CatalogResult<CatalogPut<JourneyDetails>>> PutJourneyDraftAsync(
        string id, Journey draft, WriteCondition condition = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        var written = await store.PutJourneyDraftAsync(id, ContractJson.Write(draft), condition, Now, cancellationToken);
        return written.Status switch
        {
            StoreWriteStatus.Created or StoreWriteStatus.Updated =>
                CatalogResult<CatalogPut<JourneyDetails>>.Success(new(ToDetails(written.Value!), written.Status == StoreWriteStatus.Created)),
            _ => PreconditionFailed($"journey '{id}'", condition),
        };
    }

    public async Task<CatalogResult<JourneyDetails>> GetJourneyAsync(string id, CancellationToken cancellationToken = default)
    {
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        return await store.GetJourneyAsync(id, cancellationToken) is { } stored
            ? CatalogResult<JourneyDetails>.Success(ToDetails(stored))
            : NotFound($"journey '{id}'");
    }

    public async Task<IReadOnlyList<JourneyDetails>> ListJourneysAsync(CancellationToken cancellationToken = default)
    {
        var stored = await store.ListJourneysAsync(cancellationToken);
        return stored.Select(ToDetails).ToList();
    }

    /// <summary>Validates the draft against the current catalog and returns every problem (a valid result is not a failure).</summary>
    public async Task<CatalogResult<ValidationResult>> ValidateJourneyAsync(string id, CancellationToken cancellationToken = default)
    {
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        if (await store.GetJourneyAsync(id, cancellationToken) is not { } stored)
        {
            return NotFound($"journey '{id}'");
        }

        var lookup = await SnapshotAsync(cancellationToken);
        return CatalogResult<ValidationResult>.Success(validator.ValidateJourney(id, ParseJourney(stored.DraftJson), lookup));
    }

    /// <summary>
    /// Validates the draft and, when valid, freezes it as version N+1 and makes it live; the previous live version
    /// closes. With an <c>If-Match</c> <paramref name="condition"/> (parsed strictly, once, at the HTTP edge) the
    /// publish applies only to that draft ETag (412 otherwise); without it, a draft changed concurrently is re-read
    /// and re-validated.
    /// </summary>
    public async Task<CatalogResult<JourneyLifecycleChange>> PublishJourneyAsync(
        string id, WriteCondition condition = default, CancellationToken cancellationToken = default)
    {
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.GetJourneyAsync(id, cancellationToken) is not { } stored)
            {
                return NotFound($"journey '{id}'");
            }

            if (!condition.IsSatisfiedBy(stored.DraftETag))
            {
                return PreconditionFailed($"journey '{id}'", condition);
            }

            var validation = validator.ValidateJourney(id, ParseJourney(stored.DraftJson), await SnapshotAsync(cancellationToken));
            if (!validation.IsValid)
            {
                return new CatalogFailure(CatalogErrorCodes.Invalid, $"Journey '{id}' cannot be published: its draft has {validation.Errors.Count} validation error(s).")
                {
                    Issues = validation.Errors,
                };
            }

            var published = await store.PublishDraftAsync(id, stored.DraftETag, Now, cancellationToken);
            switch (published.Status)
            {
                case StoreWriteStatus.NotFound:
                    return NotFound($"journey '{id}'");
                case StoreWriteStatus.PreconditionFailed when condition.Kind == WriteConditionKind.ETagMatches:
                    return PreconditionFailed($"journey '{id}'", condition);
                case StoreWriteStatus.PreconditionFailed:
                    continue; // The draft changed after we validated it: validate the new one.
                default:
                    await NotifyAsync(published.Value!, cancellationToken);
                    return CatalogResult<JourneyLifecycleChange>.Success(published.Value! with { Warnings = validation.Warnings });
            }
        }

        return Contended(id);
    }

    /// <summary>Live → closed: no new entrants, active instances finish. Closing a closed journey changes nothing.</summary>
    public Task<CatalogResult<JourneyLifecycleChange>> CloseJourneyAsync(string id, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(id, JourneyStatus.Closed, cancellationToken);

    /// <summary>
    /// Live or closed → stopped: the live and closed versions become stopped, and the runtime ends their active
    /// instances (see <see cref="IJourneyLifecycleObserver"/>). Stopping a stopped journey changes nothing.
    /// </summary>
    public Task<CatalogResult<JourneyLifecycleChange>> StopJourneyAsync(string id, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(id, JourneyStatus.Stopped, cancellationToken);

    /// <summary>One published version (cached: versions never change).</summary>
    public async Task<CatalogResult<PublishedJourneyVersion>> GetJourneyVersionAsync(string id, int version, CancellationToken cancellationToken = default)
    {
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        return await FindVersionAsync(id, version, cancellationToken) is { } found
            ? CatalogResult<PublishedJourneyVersion>.Success(found)
            : NotFound($"version {version} of journey '{id}'");
    }

    /// <summary>The version of a journey that takes new entrants now, or null when it has none (draft, closed, stopped, unknown).</summary>
    public async Task<PublishedJourneyVersion?> GetLiveVersionAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(id) || await store.GetJourneyAsync(id, cancellationToken) is not { LiveVersion: { } live })
        {
            return null;
        }

        return await FindVersionAsync(id, live, cancellationToken);
    }

    /// <summary>The live version of every live journey, ordered by journey id: what event routing enters profiles into.</summary>
    public async Task<IReadOnlyList<PublishedJourneyVersion>> ListLiveVersionsAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<PublishedJourneyVersion>();
        foreach (var journey in await store.ListJourneysAsync(cancellationToken))
        {
            if (journey.LiveVersion is { } live && await FindVersionAsync(journey.Id, live, cancellationToken) is { } version)
            {
                result.Add(version);
            }
        }

        return result;
    }

    // ---- Resource plumbing ----------------------------------------------------------------------------------

    private async Task<CatalogResult<CatalogPut<CatalogEntry<T>>>> PutResourceAsync<T>(
        ResourceCodec<T> codec, string id, T body, WriteCondition condition, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        var validation = codec.Validate(validator, id, body);
        if (!validation.IsValid)
        {
            return new CatalogFailure(CatalogErrorCodes.Invalid, $"The {codec.Noun} '{id}' is not valid.") { Issues = validation.Errors };
        }

        if (await CheckRunningVersionsAsync(codec, id, body, cancellationToken) is { } breaks)
        {
            return breaks;
        }

        var written = await store.PutResourceAsync(codec.Kind, id, codec.Write(body), condition, Now, cancellationToken);
        Interlocked.Increment(ref revision);
        return written.Status switch
        {
            StoreWriteStatus.Created or StoreWriteStatus.Updated =>
                CatalogResult<CatalogPut<CatalogEntry<T>>>.Success(new(ToEntry(codec, written.Value!), written.Status == StoreWriteStatus.Created)),
            _ => PreconditionFailed($"{codec.Noun} '{id}'", condition),
        };
    }

    private async Task<CatalogResult<CatalogEntry<T>>> GetResourceAsync<T>(ResourceCodec<T> codec, string id, CancellationToken cancellationToken)
        where T : class
    {
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        return await store.GetResourceAsync(codec.Kind, id, cancellationToken) is { } stored
            ? CatalogResult<CatalogEntry<T>>.Success(ToEntry(codec, stored))
            : NotFound($"{codec.Noun} '{id}'");
    }

    private async Task<IReadOnlyList<CatalogEntry<T>>> ListResourcesAsync<T>(ResourceCodec<T> codec, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await store.ListResourcesAsync(codec.Kind, cancellationToken);
        return stored.Select(s => ToEntry(codec, s)).ToList();
    }

    /// <summary>
    /// Refused with <see cref="CatalogErrorCodes.InUse"/> while the live version of a journey uses the resource.
    /// Drafts and closed versions do not hold a resource (SPEC §4 protects what is live only).
    /// </summary>
    private async Task<CatalogResult<ResourceDeleted>> DeleteResourceAsync(
        CatalogResourceKind kind, string id, WriteCondition condition, CancellationToken cancellationToken)
    {
        var noun = Noun(kind);
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        if (await store.GetResourceAsync(kind, id, cancellationToken) is not { } current)
        {
            return NotFound($"{noun} '{id}'");
        }

        if (!condition.IsSatisfiedBy(current.ETag))
        {
            return PreconditionFailed($"{noun} '{id}'", condition);
        }

        var users = new List<string>();
        foreach (var live in await ListLiveVersionsAsync(cancellationToken))
        {
            if (JourneyReferences.Uses(live.Definition, kind, id))
            {
                users.Add(live.JourneyId);
            }
        }

        if (users.Count > 0)
        {
            return new CatalogFailure(CatalogErrorCodes.InUse, $"The {noun} '{id}' is used by live journey(s): {string.Join(", ", users)}.") { UsedBy = users };
        }

        var deleted = await store.DeleteResourceAsync(kind, id, condition, cancellationToken);
        Interlocked.Increment(ref revision);
        return deleted switch
        {
            StoreWriteStatus.Deleted => CatalogResult<ResourceDeleted>.Success(new(kind, id)),
            StoreWriteStatus.NotFound => NotFound($"{noun} '{id}'"),
            _ => PreconditionFailed($"{noun} '{id}'", condition),
        };
    }

    // ---- Journey plumbing -----------------------------------------------------------------------------------

    private async Task<CatalogResult<JourneyLifecycleChange>> ChangeStatusAsync(
        string id, JourneyStatus target, CancellationToken cancellationToken)
    {
        if (CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.GetJourneyAsync(id, cancellationToken) is not { } stored)
            {
                return NotFound($"journey '{id}'");
            }

            if (stored.Status == target)
            {
                // Repeating a close or stop (a retried HTTP call) is not an error and changes nothing.
                return CatalogResult<JourneyLifecycleChange>.Success(new(id, target, stored.LiveVersion, []));
            }

            if (!JourneyTransitions.IsAllowed(stored.Status, target))
            {
                var verb = target == JourneyStatus.Closed ? "closed" : "stopped";
                return new CatalogFailure(CatalogErrorCodes.Conflict, $"Journey '{id}' is {Lower(stored.Status)} and cannot be {verb}.");
            }

            var changed = await store.ChangeJourneyStatusAsync(id, stored.Status, target, Now, cancellationToken);
            switch (changed.Status)
            {
                case StoreWriteStatus.NotFound:
                    return NotFound($"journey '{id}'");
                case StoreWriteStatus.PreconditionFailed:
                    continue; // A publish or another close/stop won the race: decide again on the new status.
                default:
                    await NotifyAsync(changed.Value!, cancellationToken);
                    return CatalogResult<JourneyLifecycleChange>.Success(changed.Value!);
            }
        }

        return Contended(id);
    }

    private async Task<PublishedJourneyVersion?> FindVersionAsync(string id, int version, CancellationToken cancellationToken)
    {
        if (versions.TryGetValue((id, version), out var cached))
        {
            return cached;
        }

        if (await store.GetJourneyVersionAsync(id, version, cancellationToken) is not { } stored)
        {
            return null;
        }

        return versions.GetOrAdd((id, version), new PublishedJourneyVersion(id, version, ParseJourney(stored.BodyJson), stored.PublishedAt));
    }

    private async Task<CatalogSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var events = await ListResourcesAsync(EventCodec, cancellationToken);
        var sources = await ListResourcesAsync(DataSourceCodec, cancellationToken);
        var actions = await ListResourcesAsync(ActionCodec, cancellationToken);
        var journeys = await store.ListJourneysAsync(cancellationToken);
        return new CatalogSnapshot(
            events.ToDictionary(e => e.Id, e => e.Body, StringComparer.Ordinal),
            sources.ToDictionary(e => e.Id, e => e.Body, StringComparer.Ordinal),
            actions.ToDictionary(e => e.Id, e => e.Body, StringComparer.Ordinal),
            journeys.ToDictionary(j => j.Id, j => ContractJson.ReadJourney(j.DraftJson).Value?.Entry, StringComparer.Ordinal));
    }

    /// <summary>
    /// Changes whenever this service has written configuration or changed a journey's lifecycle, so that a runtime
    /// in the same process knows when to rebuild what it derived from the catalog (routing tables, compiled
    /// journeys). A runtime sharing the store with other processes must also refresh on a timer.
    /// </summary>
    public long Revision => Interlocked.Read(ref revision);

    /// <summary>The current event definitions, data sources, actions and journey ids, as one lookup.</summary>
    public async Task<IConfigurationLookup> GetConfigurationAsync(CancellationToken cancellationToken = default) =>
        await SnapshotAsync(cancellationToken);

    private async Task NotifyAsync(JourneyLifecycleChange change, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref revision);
        foreach (var observer in observers)
        {
            await observer.OnLifecycleChangedAsync(change, cancellationToken);
        }
    }

    private static JourneyDetails ToDetails(StoredJourney stored) =>
        new(stored.Id, ParseJourney(stored.DraftJson), stored.DraftETag, stored.DraftUpdatedAt, stored.Status, stored.LiveVersion, stored.Versions);

    private static CatalogEntry<T> ToEntry<T>(ResourceCodec<T> codec, StoredResource stored)
        where T : class =>
        new(stored.Id, codec.Read(stored.BodyJson), stored.ETag, stored.UpdatedAt);

    private static Journey ParseJourney(string json) => Parsed(ContractJson.ReadJourney(json), "journey");

    /// <summary>Stored bodies were written by <see cref="ContractJson"/>; one that no longer reads is corrupt data, not a user error.</summary>
    private static T Parsed<T>(ContractReadResult<T> read, string noun)
        where T : class =>
        read.Value ?? throw new InvalidOperationException(
            $"A stored {noun} body cannot be read: {string.Join("; ", read.Errors.Select(e => $"{e.Code} at {e.Path}"))}.");

    private DateTimeOffset Now => time.GetUtcNow();

    // ---- Ids and failures -----------------------------------------------------------------------------------

    [GeneratedRegex(ConfigurationValidator.IdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    private static bool IsValidId(string id) => id is not null && IdRegex().IsMatch(id);

    private static CatalogFailure? CheckId(string id) => IsValidId(id)
        ? null
        : new CatalogFailure(CatalogErrorCodes.IdInvalid, $"The id '{id}' is not valid: ids are 1 to 64 characters among letters, digits, '.', '_' and '-'.");

    private static CatalogFailure NotFound(string what) => new(CatalogErrorCodes.NotFound, $"There is no {what}.");

    private static CatalogFailure PreconditionFailed(string what, WriteCondition condition)
    {
        var reason = condition.Kind switch
        {
            WriteConditionKind.MustExist => $"If-Match: * needs the {what} to exist, and it does not",
            WriteConditionKind.MustNotExist => $"If-None-Match: * needs the {what} not to exist yet, and it does",
            WriteConditionKind.ETagMatches =>
                $"If-Match names {string.Join(", ", condition.ETags.Select(ETagHeader.Format))}, and the {what} does not exist or has another ETag",
            WriteConditionKind.Unsatisfiable => "If-Match and If-None-Match: * together can never both hold",
            _ when condition.ExcludedETags.Count > 0 => null,
            _ => $"the {what} changed concurrently",
        };
        if (condition.ExcludedETags.Count > 0)
        {
            var excluded = $"If-None-Match names {string.Join(", ", condition.ExcludedETags.Select(ETagHeader.Format))}, which may be the current ETag of the {what}";
            reason = reason is null ? excluded : $"{reason}; or {excluded}";
        }

        return new(CatalogErrorCodes.PreconditionFailed, $"The precondition failed: {reason}.");
    }

    private static CatalogFailure Contended(string id) =>
        new(CatalogErrorCodes.Conflict, $"Journey '{id}' kept changing concurrently; try again.");

    private static string Lower(JourneyStatus status) => status.ToString().ToLowerInvariant();

    private static string Noun(CatalogResourceKind kind) => kind switch
    {
        CatalogResourceKind.EventDefinition => "event definition",
        CatalogResourceKind.DataSource => "data source",
        _ => "custom action",
    };

    // ---- Codecs: how each resource kind is validated, written and read --------------------------------------

    private static readonly ResourceCodec<EventDefinition> EventCodec = new(
        CatalogResourceKind.EventDefinition,
        (v, id, body) => v.ValidateEventDefinition(id, body),
        ContractJson.Write,
        json => Parsed(ContractJson.ReadEventDefinition(json), "event definition"));

    private static readonly ResourceCodec<DataSource> DataSourceCodec = new(
        CatalogResourceKind.DataSource,
        (v, id, body) => v.ValidateDataSource(id, body),
        ContractJson.Write,
        json => Parsed(ContractJson.ReadDataSource(json), "data source"));

    private static readonly ResourceCodec<CustomAction> ActionCodec = new(
        CatalogResourceKind.CustomAction,
        (v, id, body) => v.ValidateCustomAction(id, body),
        ContractJson.Write,
        json => Parsed(ContractJson.ReadCustomAction(json), "custom action"));

    private sealed record ResourceCodec<T>(
        CatalogResourceKind Kind,
        Func<ICatalogValidator, string, T, ValidationResult> Validate,
        Func<T, string> Write,
        Func<string, T> Read)
        where T : class
    {
        public string Noun => CatalogService.Noun(Kind);
    }
}
