namespace Journeys.Runtime.Catalog;

/// <summary>
/// One kind of configuration resource of SPEC §4 (<see cref="Journeys.Core.Model.EventDefinition"/>,
/// <see cref="Journeys.Core.Model.DataSource"/> or <see cref="Journeys.Core.Model.CustomAction"/>): put, get, list
/// and delete by id, each write under an ETag precondition that the store checks atomically with it. It shares the
/// store, validator and clock of its <see cref="JourneyCatalog"/>, and asks it which journeys a change or a delete
/// would break. Failures a user can cause come back as <see cref="CatalogResult{T}"/> failures with stable codes.
/// </summary>
/// <typeparam name="T">The resource's contract type; the catalog holds no other.</typeparam>
public sealed class ResourceCatalog<T>
    where T : class
{
    private readonly ResourceCodec<T> codec;
    private readonly JourneyCatalog journeys;

    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a configuration resource type.</exception>
    public ResourceCatalog(JourneyCatalog journeys)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        codec = ResourceCodecs.For<T>();
        this.journeys = journeys;
    }

    /// <summary>Which kind of resource this catalog holds.</summary>
    public CatalogResourceKind Kind => codec.Kind;

    /// <summary>
    /// Creates or replaces under a parsed precondition (<c>If-Match</c> and/or <c>If-None-Match</c>, see
    /// <see cref="WriteCondition.TryFromHeaders"/>). Refused when the body is invalid, or when a running journey
    /// version that uses the resource would no longer compile with it.
    /// </summary>
    public async Task<CatalogResult<CatalogPut<CatalogEntry<T>>>> PutAsync(
        string id, T body, WriteCondition condition = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        var validation = codec.Validate(journeys.Validator, id, body);
        if (!validation.IsValid)
        {
            return new CatalogFailure(CatalogErrorCodes.Invalid, $"The {codec.Noun} '{id}' is not valid.") { Issues = validation.Errors };
        }

        if (await journeys.CheckRunningVersionsAsync(codec, id, body, cancellationToken) is { } breaks)
        {
            return breaks;
        }

        var written = await journeys.Store.PutResourceAsync(codec.Kind, id, codec.Write(body), condition, journeys.Now, cancellationToken);
        journeys.AdvanceRevision();
        return written.Status switch
        {
            StoreWriteStatus.Created or StoreWriteStatus.Updated =>
                CatalogResult<CatalogPut<CatalogEntry<T>>>.Success(new(ToEntry(written.Value!), written.Status == StoreWriteStatus.Created)),
            _ => CatalogFailures.PreconditionFailed($"{codec.Noun} '{id}'", condition),
        };
    }

    public async Task<CatalogResult<CatalogEntry<T>>> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        return await journeys.Store.GetResourceAsync(codec.Kind, id, cancellationToken) is { } stored
            ? CatalogResult<CatalogEntry<T>>.Success(ToEntry(stored))
            : CatalogFailures.NotFound($"{codec.Noun} '{id}'");
    }

    /// <summary>Every resource of this kind, ordered by id.</summary>
    public async Task<IReadOnlyList<CatalogEntry<T>>> ListAsync(CancellationToken cancellationToken = default)
    {
        var stored = await journeys.Store.ListResourcesAsync(codec.Kind, cancellationToken);
        return stored.Select(ToEntry).ToList();
    }

    /// <summary>
    /// Deletes under a precondition. Refused with <see cref="CatalogErrorCodes.InUse"/> while the live version of a
    /// journey uses the resource; drafts and closed versions do not hold a resource (SPEC §4 protects what is live only).
    /// </summary>
    public async Task<CatalogResult<ResourceDeleted>> DeleteAsync(string id, WriteCondition condition = default, CancellationToken cancellationToken = default)
    {
        if (CatalogFailures.CheckId(id) is { } idFailure)
        {
            return idFailure;
        }

        var what = $"{codec.Noun} '{id}'";
        if (await journeys.Store.GetResourceAsync(codec.Kind, id, cancellationToken) is not { } current)
        {
            return CatalogFailures.NotFound(what);
        }

        if (!condition.IsSatisfiedBy(current.ETag))
        {
            return CatalogFailures.PreconditionFailed(what, condition);
        }

        var users = (await journeys.ListLiveVersionsAsync(cancellationToken))
            .Where(live => JourneyReferences.Uses(live.Definition, codec.Kind, id))
            .Select(live => live.JourneyId)
            .ToList();
        if (users.Count > 0)
        {
            return new CatalogFailure(CatalogErrorCodes.InUse, $"The {codec.Noun} '{id}' is used by live journey(s): {string.Join(", ", users)}.") { UsedBy = users };
        }

        var deleted = await journeys.Store.DeleteResourceAsync(codec.Kind, id, condition, cancellationToken);
        journeys.AdvanceRevision();
        return deleted switch
        {
            StoreWriteStatus.Deleted => CatalogResult<ResourceDeleted>.Success(new(codec.Kind, id)),
            StoreWriteStatus.NotFound => CatalogFailures.NotFound(what),
            _ => CatalogFailures.PreconditionFailed(what, condition),
        };
    }

    private CatalogEntry<T> ToEntry(StoredResource stored) => new(stored.Id, codec.Read(stored.BodyJson), stored.ETag, stored.UpdatedAt);
}
