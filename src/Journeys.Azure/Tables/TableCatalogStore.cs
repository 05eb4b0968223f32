using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Journeys.Runtime.Catalog;

namespace Journeys.Azure.Tables;

/// <summary>
/// <see cref="ICatalogStore"/> on Table Storage, one partition per resource or journey as the port asks:
/// <list type="bullet">
/// <item>resource: PartitionKey <c>{kind}|{id}</c>, RowKey <c>resource</c> (body, our ETag token, time);</item>
/// <item>journey: PartitionKey <c>journey|{id}</c>, RowKey <c>head</c> (draft, draft ETag, status, live version,
/// version summaries) and <c>v{0000000001}</c> per published version (immutable body).</item>
/// </list>
/// Every write is conditional on the entity's Table ETag read just before (optimistic concurrency); a publish is one
/// entity-group transaction (add the version, replace the head), so concurrent publishes cannot reuse a number.
/// Conditions of the port (our ETag tokens, statuses) are checked on the entity read; a lost race re-reads and
/// re-checks.
/// </summary>
public sealed class TableCatalogStore(JourneyTables tables) : ICatalogStore
{
    private const string ResourceRow = "resource";
    private const string HeadRow = "head";
    private const int MaxAttempts = 8;

    public async Task<StoredResource?> GetResourceAsync(CatalogResourceKind kind, string id, CancellationToken cancellationToken)
    {
        var found = await (await TableAsync()).GetEntityIfExistsAsync<TableEntity>(ResourcePartition(kind, id), ResourceRow, cancellationToken: cancellationToken);
        return found.HasValue ? ToResource(kind, found.Value!) : null;
    }

    public async Task<IReadOnlyList<StoredResource>> ListResourcesAsync(CatalogResourceKind kind, CancellationToken cancellationToken)
    {
        // '}' is the character after '|': the range holds exactly the partitions "{kind}|…".
        var prefix = KindName(kind);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix + "|"} and PartitionKey lt {prefix + "}"} and RowKey eq {ResourceRow}");
        var resources = new List<StoredResource>();
        await foreach (var entity in (await TableAsync()).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            resources.Add(ToResource(kind, entity));
        }

        return resources.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<StoreWriteResult<StoredResource>> PutResourceAsync(
        CatalogResourceKind kind, string id, string bodyJson, WriteCondition condition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(ResourcePartition(kind, id), ResourceRow, cancellationToken: cancellationToken);
            if (!condition.IsSatisfiedBy(current.HasValue ? current.Value!.GetString("Tag") : null))
            {
                return StoreWriteResult<StoredResource>.Failed(StoreWriteStatus.PreconditionFailed);
            }

            var tag = NewTag();
            var entity = new TableEntity(ResourcePartition(kind, id), ResourceRow) { ["Id"] = id, ["Tag"] = tag, ["UpdatedAt"] = now };
            LargeText.Write(entity, "Body", bodyJson);
            try
            {
                if (current.HasValue)
                {
                    await table.UpdateEntityAsync(entity, current.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                    return new(StoreWriteStatus.Updated, new StoredResource(kind, id, bodyJson, tag, now));
                }

                await table.AddEntityAsync(entity, cancellationToken);
                return new(StoreWriteStatus.Created, new StoredResource(kind, id, bodyJson, tag, now));
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // A concurrent writer changed the resource between our read and write: decide again on fresh data.
            }
        }

        return StoreWriteResult<StoredResource>.Failed(StoreWriteStatus.PreconditionFailed);
    }

    public async Task<StoreWriteStatus> DeleteResourceAsync(CatalogResourceKind kind, string id, WriteCondition condition, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(ResourcePartition(kind, id), ResourceRow, cancellationToken: cancellationToken);
            if (!current.HasValue)
            {
                return StoreWriteStatus.NotFound;
            }

            if (!condition.IsSatisfiedBy(current.Value!.GetString("Tag")))
            {
                return StoreWriteStatus.PreconditionFailed;
            }

            try
            {
                await table.DeleteEntityAsync(ResourcePartition(kind, id), ResourceRow, current.Value.ETag, cancellationToken);
                return StoreWriteStatus.Deleted;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
            }
        }

        return StoreWriteStatus.PreconditionFailed;
    }

    public async Task<StoredJourney?> GetJourneyAsync(string journeyId, CancellationToken cancellationToken)
    {
        var head = await (await TableAsync()).GetEntityIfExistsAsync<TableEntity>(JourneyPartition(journeyId), HeadRow, cancellationToken: cancellationToken);
        return head.HasValue ? ToJourney(journeyId, head.Value!) : null;
    }

    public async Task<IReadOnlyList<StoredJourney>> ListJourneysAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"journey|"} and PartitionKey lt {"journey}"} and RowKey eq {HeadRow}");
        var journeys = new List<StoredJourney>();
        await foreach (var head in (await TableAsync()).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            journeys.Add(ToJourney(head.GetString("Id"), head));
        }

        return journeys.OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<StoreWriteResult<StoredJourney>> PutJourneyDraftAsync(
        string journeyId, string draftJson, WriteCondition condition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(JourneyPartition(journeyId), HeadRow, cancellationToken: cancellationToken);
            if (!condition.IsSatisfiedBy(current.HasValue ? current.Value!.GetString("DraftTag") : null))
            {
                return StoreWriteResult<StoredJourney>.Failed(StoreWriteStatus.PreconditionFailed);
            }

            // Status, live version and versions are carried over untouched: a draft write never changes what runs.
            var head = current.HasValue ? current.Value! : NewHead(journeyId);
            head["DraftTag"] = NewTag();
            head["DraftUpdatedAt"] = now;
            LargeText.Write(head, "Draft", draftJson);
            try
            {
                if (current.HasValue)
                {
                    await table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, cancellationToken);
                    return new(StoreWriteStatus.Updated, ToJourney(journeyId, head));
                }

                await table.AddEntityAsync(head, cancellationToken);
                return new(StoreWriteStatus.Created, ToJourney(journeyId, head));
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
            }
        }

        return StoreWriteResult<StoredJourney>.Failed(StoreWriteStatus.PreconditionFailed);
    }

    public async Task<StoreWriteResult<JourneyLifecycleChange>> PublishDraftAsync(
        string journeyId, string expectedDraftETag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(JourneyPartition(journeyId), HeadRow, cancellationToken: cancellationToken);
            if (!current.HasValue)
            {
                return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.NotFound);
            }

            var head = current.Value!;
            if (!string.Equals(head.GetString("DraftTag"), expectedDraftETag, StringComparison.Ordinal))
            {
                return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed);
            }

            var versions = VersionSummaryCodec.Read(head.GetString("Versions"));
            var number = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;
            var previousLive = head.GetInt32("LiveVersion");
            versions = versions
                .Select(v => v.Version == previousLive ? v with { Status = JourneyTransitions.ReplacedLiveVersion, EndedAt = now } : v)
                .Append(new JourneyVersionSummary(number, JourneyVersionStatus.Live, now, null))
                .ToList();
            head["Versions"] = VersionSummaryCodec.Write(versions);
            head["Status"] = VersionSummaryCodec.JourneyStatusName(JourneyStatus.Live);
            head["LiveVersion"] = number;

            var version = new TableEntity(JourneyPartition(journeyId), VersionRow(number)) { ["PublishedAt"] = now };
            LargeText.Write(version, "Body", LargeText.Read(head, "Draft"));
            try
            {
                // One entity-group transaction: the version appears exactly when the head names it.
                await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, version),
                        new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, head.ETag),
                    ],
                    cancellationToken);
                return new(StoreWriteStatus.Updated, new JourneyLifecycleChange(journeyId, JourneyStatus.Live, number, previousLive is { } p ? [p] : []));
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // A concurrent publish took this number, or the head changed: re-read and number again.
            }
        }

        return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed);
    }

    public async Task<StoreWriteResult<JourneyLifecycleChange>> ChangeJourneyStatusAsync(
        string journeyId, JourneyStatus expected, JourneyStatus next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ending = JourneyTransitions.Ending(expected, next);
        var nextVersionStatus = JourneyTransitions.VersionStatusAfter(next);

        var table = await TableAsync();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(JourneyPartition(journeyId), HeadRow, cancellationToken: cancellationToken);
            if (!current.HasValue)
            {
                return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.NotFound);
            }

            var head = current.Value!;
            if (VersionSummaryCodec.ParseJourneyStatus(head.GetString("Status")) != expected)
            {
                return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed);
            }

            var versions = VersionSummaryCodec.Read(head.GetString("Versions"));
            var ended = versions.Where(v => ending.Contains(v.Status)).Select(v => v.Version).Order().ToList();
            versions = versions
                .Select(v => ending.Contains(v.Status) ? v with { Status = nextVersionStatus, EndedAt = v.EndedAt ?? now } : v)
                .ToList();
            head["Versions"] = VersionSummaryCodec.Write(versions);
            head["Status"] = VersionSummaryCodec.JourneyStatusName(next);
            head.Remove("LiveVersion");
            try
            {
                await table.UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace, cancellationToken);
                return new(StoreWriteStatus.Updated, new JourneyLifecycleChange(journeyId, next, null, ended));
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
            }
        }

        return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed);
    }

    public async Task<StoredJourneyVersion?> GetJourneyVersionAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        var found = await (await TableAsync()).GetEntityIfExistsAsync<TableEntity>(JourneyPartition(journeyId), VersionRow(version), cancellationToken: cancellationToken);
        return found.HasValue
            ? new StoredJourneyVersion(journeyId, version, LargeText.Read(found.Value!, "Body"), found.Value!.GetDateTimeOffset("PublishedAt") ?? default)
            : null;
    }

    private Task<TableClient> TableAsync() => tables.GetAsync(JourneyTables.Catalog);

    private static TableEntity NewHead(string journeyId) => new(JourneyPartition(journeyId), HeadRow)
    {
        ["Id"] = journeyId,
        ["Status"] = VersionSummaryCodec.JourneyStatusName(JourneyStatus.Draft),
        ["Versions"] = "[]",
    };

    private static StoredJourney ToJourney(string journeyId, TableEntity head) => new(
        journeyId,
        LargeText.Read(head, "Draft"),
        head.GetString("DraftTag"),
        head.GetDateTimeOffset("DraftUpdatedAt") ?? default,
        VersionSummaryCodec.ParseJourneyStatus(head.GetString("Status")),
        head.GetInt32("LiveVersion"),
        VersionSummaryCodec.Read(head.GetString("Versions")));

    private static StoredResource ToResource(CatalogResourceKind kind, TableEntity entity) => new(
        kind, entity.GetString("Id"), LargeText.Read(entity, "Body"), entity.GetString("Tag"), entity.GetDateTimeOffset("UpdatedAt") ?? default);

    private static string ResourcePartition(CatalogResourceKind kind, string id) => KindName(kind) + "|" + id;

    private static string JourneyPartition(string journeyId) => "journey|" + journeyId;

    private static string VersionRow(int version) => "v" + version.ToString("D10", CultureInfo.InvariantCulture);

    private static string KindName(CatalogResourceKind kind) => kind switch
    {
        CatalogResourceKind.EventDefinition => "event",
        CatalogResourceKind.DataSource => "datasource",
        _ => "action",
    };

    private static string NewTag() => Guid.NewGuid().ToString("N");
}
