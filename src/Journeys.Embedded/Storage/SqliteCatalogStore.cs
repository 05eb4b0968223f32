using System.Globalization;
using Journeys.Runtime.Catalog;
using Microsoft.Data.Sqlite;

namespace Journeys.Embedded.Storage;

/// <summary>
/// The catalog port on SQLite. Every write runs in one <c>BEGIN IMMEDIATE</c> transaction: it takes the single
/// writer lock first, then checks its precondition and writes, so a check can never be overtaken by another writer
/// (two publishes read the same highest version number only one after the other). Reads that span tables run in
/// one deferred transaction, which in WAL mode is a consistent snapshot.
/// </summary>
public sealed class SqliteCatalogStore : ICatalogStore
{
    /// <summary>The catalog's tables. Journey and version rows are one partition keyed by journey id.</summary>
    public static SqliteMigration Migration { get; } = new("0001-catalog", """
        CREATE TABLE catalog_resources (
            kind        TEXT NOT NULL CHECK (kind IN ('event', 'datasource', 'action')),
            id          TEXT NOT NULL,
            body        TEXT NOT NULL,
            etag        TEXT NOT NULL,
            updated_at  TEXT NOT NULL,
            PRIMARY KEY (kind, id)
        ) WITHOUT ROWID;

        CREATE TABLE catalog_journeys (
            id                TEXT NOT NULL PRIMARY KEY,
            draft_body        TEXT NOT NULL,
            draft_etag        TEXT NOT NULL,
            draft_updated_at  TEXT NOT NULL,
            status            TEXT NOT NULL CHECK (status IN ('draft', 'live', 'closed', 'stopped')),
            live_version      INTEGER NULL,
            -- The highest version ever published: the next publish takes latest_version + 1, so numbers never repeat.
            latest_version    INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;

        CREATE TABLE catalog_journey_versions (
            journey_id    TEXT NOT NULL REFERENCES catalog_journeys (id),
            version       INTEGER NOT NULL CHECK (version >= 1),
            body          TEXT NOT NULL,
            status        TEXT NOT NULL CHECK (status IN ('live', 'closed', 'stopped')),
            published_at  TEXT NOT NULL,
            ended_at      TEXT NULL,
            -- Belt and braces: even a broken writer cannot store two versions with one number.
            PRIMARY KEY (journey_id, version)
        ) WITHOUT ROWID;
        """);

    private readonly SqliteDatabase database;

    private SqliteCatalogStore(SqliteDatabase database) => this.database = database;

    /// <summary>A store over <paramref name="database"/>, with the catalog's migration applied.</summary>
    public static async Task<SqliteCatalogStore> OpenAsync(SqliteDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.ApplyMigrationsAsync([Migration], cancellationToken);
        return new SqliteCatalogStore(database);
    }

    // ---- Resources -------------------------------------------------------------------------------------------

    public async Task<StoredResource?> GetResourceAsync(CatalogResourceKind kind, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT id, body, etag, updated_at FROM catalog_resources WHERE kind = $kind AND id = $id;",
            ("$kind", KindName(kind)), ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadResource(kind, reader) : null;
    }

    public async Task<IReadOnlyList<StoredResource>> ListResourcesAsync(CatalogResourceKind kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT id, body, etag, updated_at FROM catalog_resources WHERE kind = $kind ORDER BY id;",
            ("$kind", KindName(kind)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<StoredResource>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(ReadResource(kind, reader));
        }

        return result;
    }

    public async Task<StoreWriteResult<StoredResource>> PutResourceAsync(
        CatalogResourceKind kind, string id, string bodyJson, WriteCondition condition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var current = await ScalarStringAsync(connection, transaction,
            "SELECT etag FROM catalog_resources WHERE kind = $kind AND id = $id;", cancellationToken, ("$kind", KindName(kind)), ("$id", id));
        if (!condition.IsSatisfiedBy(current))
        {
            return StoreWriteResult<StoredResource>.Failed(StoreWriteStatus.PreconditionFailed);
        }

        var etag = NewETag();
        await ExecuteAsync(connection, transaction, """
            INSERT INTO catalog_resources (kind, id, body, etag, updated_at) VALUES ($kind, $id, $body, $etag, $at)
            ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, etag = excluded.etag, updated_at = excluded.updated_at;
            """, cancellationToken, ("$kind", KindName(kind)), ("$id", id), ("$body", bodyJson), ("$etag", etag), ("$at", Timestamp(now)));
        await transaction.CommitAsync(cancellationToken);
        return new(current is null ? StoreWriteStatus.Created : StoreWriteStatus.Updated, new StoredResource(kind, id, bodyJson, etag, now));
    }

    public async Task<StoreWriteStatus> DeleteResourceAsync(CatalogResourceKind kind, string id, WriteCondition condition, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var current = await ScalarStringAsync(connection, transaction,
            "SELECT etag FROM catalog_resources WHERE kind = $kind AND id = $id;", cancellationToken, ("$kind", KindName(kind)), ("$id", id));
        if (current is null)
        {
            return StoreWriteStatus.NotFound;
        }

        if (!condition.IsSatisfiedBy(current))
        {
            return StoreWriteStatus.PreconditionFailed;
        }

        await ExecuteAsync(connection, transaction, "DELETE FROM catalog_resources WHERE kind = $kind AND id = $id;",
            cancellationToken, ("$kind", KindName(kind)), ("$id", id));
        await transaction.CommitAsync(cancellationToken);
        return StoreWriteStatus.Deleted;
    }

    // ---- Journeys --------------------------------------------------------------------------------------------

    public async Task<StoredJourney?> GetJourneyAsync(string journeyId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var journeys = await ReadJourneysAsync(connection, snapshot, journeyId, cancellationToken);
        return journeys.Count == 0 ? null : journeys[0];
    }

    public async Task<IReadOnlyList<StoredJourney>> ListJourneysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var snapshot = connection.BeginTransaction(deferred: true);
        return await ReadJourneysAsync(connection, snapshot, null, cancellationToken);
    }

    public async Task<StoreWriteResult<StoredJourney>> PutJourneyDraftAsync(
        string journeyId, string draftJson, WriteCondition condition, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var current = await ScalarStringAsync(connection, transaction,
            "SELECT draft_etag FROM catalog_journeys WHERE id = $id;", cancellationToken, ("$id", journeyId));
        if (!condition.IsSatisfiedBy(current))
        {
            return StoreWriteResult<StoredJourney>.Failed(StoreWriteStatus.PreconditionFailed);
        }

        var etag = NewETag();
        await ExecuteAsync(connection, transaction, """
            INSERT INTO catalog_journeys (id, draft_body, draft_etag, draft_updated_at, status) VALUES ($id, $body, $etag, $at, 'draft')
            ON CONFLICT (id) DO UPDATE SET draft_body = excluded.draft_body, draft_etag = excluded.draft_etag, draft_updated_at = excluded.draft_updated_at;
            """, cancellationToken, ("$id", journeyId), ("$body", draftJson), ("$etag", etag), ("$at", Timestamp(now)));
        var written = (await ReadJourneysAsync(connection, transaction, journeyId, cancellationToken))[0];
        await transaction.CommitAsync(cancellationToken);
        return new(current is null ? StoreWriteStatus.Created : StoreWriteStatus.Updated, written);
    }

    public async Task<StoreWriteResult<JourneyLifecycleChange>> PublishDraftAsync(
        string journeyId, string expectedDraftETag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        string draftBody;
        string draftETag;
        int? liveVersion;
        int latestVersion;
        await using (var read = Command(connection, transaction,
            "SELECT draft_body, draft_etag, live_version, latest_version FROM catalog_journeys WHERE id = $id;", ("$id", journeyId)))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.NotFound);
            }

            draftBody = reader.GetString(0);
            draftETag = reader.GetString(1);
            liveVersion = reader.IsDBNull(2) ? null : reader.GetInt32(2);
            latestVersion = reader.GetInt32(3);
        }

        if (!string.Equals(draftETag, expectedDraftETag, StringComparison.Ordinal))
        {
            return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed);
        }

        var version = latestVersion + 1;
        var at = Timestamp(now);
        await ExecuteAsync(connection, transaction, """
            INSERT INTO catalog_journey_versions (journey_id, version, body, status, published_at) VALUES ($id, $version, $body, 'live', $at);
            """, cancellationToken, ("$id", journeyId), ("$version", version), ("$body", draftBody), ("$at", at));
        if (liveVersion is { } previous)
        {
            await ExecuteAsync(connection, transaction,
                "UPDATE catalog_journey_versions SET status = $replaced, ended_at = $at WHERE journey_id = $id AND version = $version;",
                cancellationToken, ("$id", journeyId), ("$version", previous), ("$at", at), ("$replaced", VersionStatusName(JourneyTransitions.ReplacedLiveVersion)));
        }

        await ExecuteAsync(connection, transaction,
            "UPDATE catalog_journeys SET status = 'live', live_version = $version, latest_version = $version WHERE id = $id;",
            cancellationToken, ("$id", journeyId), ("$version", version));
        await transaction.CommitAsync(cancellationToken);
        return new(StoreWriteStatus.Updated, new JourneyLifecycleChange(journeyId, JourneyStatus.Live, version, liveVersion is { } p ? [p] : []));
    }

    public async Task<StoreWriteResult<JourneyLifecycleChange>> ChangeJourneyStatusAsync(
        string journeyId, JourneyStatus expected, JourneyStatus next, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The version statuses that move along with the journey's.
        var endingStatuses = JourneyTransitions.Ending(expected, next).Select(VersionStatusName).ToArray();
        var nextVersionStatus = VersionStatusName(JourneyTransitions.VersionStatusAfter(next));

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken);
        var current = await ScalarStringAsync(connection, transaction,
            "SELECT status FROM catalog_journeys WHERE id = $id;", cancellationToken, ("$id", journeyId));
        if (current is null)
        {
            return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.NotFound);
        }

        if (current != StatusName(expected))
        {
            return StoreWriteResult<JourneyLifecycleChange>.Failed(StoreWriteStatus.PreconditionFailed);
        }

        // endingStatuses holds only the literals of VersionStatusName, never user input.
        var statusList = string.Join(", ", endingStatuses.Select(s => $"'{s}'"));
        var ended = new List<int>();
        await using (var select = Command(connection, transaction,
            $"SELECT version FROM catalog_journey_versions WHERE journey_id = $id AND status IN ({statusList}) ORDER BY version;", ("$id", journeyId)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ended.Add(reader.GetInt32(0));
            }
        }

        await ExecuteAsync(connection, transaction,
            $"UPDATE catalog_journey_versions SET status = $next, ended_at = COALESCE(ended_at, $at) WHERE journey_id = $id AND status IN ({statusList});",
            cancellationToken, ("$id", journeyId), ("$next", nextVersionStatus), ("$at", Timestamp(now)));
        await ExecuteAsync(connection, transaction,
            "UPDATE catalog_journeys SET status = $next, live_version = NULL WHERE id = $id;",
            cancellationToken, ("$id", journeyId), ("$next", StatusName(next)));
        await transaction.CommitAsync(cancellationToken);
        return new(StoreWriteStatus.Updated, new JourneyLifecycleChange(journeyId, next, null, ended));
    }

    public async Task<StoredJourneyVersion?> GetJourneyVersionAsync(string journeyId, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT body, published_at FROM catalog_journey_versions WHERE journey_id = $id AND version = $version;",
            ("$id", journeyId), ("$version", version));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredJourneyVersion(journeyId, version, reader.GetString(0), ParseTimestamp(reader.GetString(1)))
            : null;
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------

    /// <summary>One journey (<paramref name="journeyId"/>) or all, with their version summaries, inside the caller's transaction.</summary>
    private static async Task<List<StoredJourney>> ReadJourneysAsync(
        SqliteConnection connection, SqliteTransaction transaction, string? journeyId, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, List<JourneyVersionSummary>>(StringComparer.Ordinal);
        await using (var command = Command(connection, transaction, """
            SELECT journey_id, version, status, published_at, ended_at FROM catalog_journey_versions
            WHERE $id IS NULL OR journey_id = $id ORDER BY journey_id, version;
            """, ("$id", journeyId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                if (!versions.TryGetValue(id, out var list))
                {
                    versions[id] = list = [];
                }

                list.Add(new JourneyVersionSummary(
                    reader.GetInt32(1),
                    ParseVersionStatus(reader.GetString(2)),
                    ParseTimestamp(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : ParseTimestamp(reader.GetString(4))));
            }
        }

        var journeys = new List<StoredJourney>();
        await using (var command = Command(connection, transaction, """
            SELECT id, draft_body, draft_etag, draft_updated_at, status, live_version FROM catalog_journeys
            WHERE $id IS NULL OR id = $id ORDER BY id;
            """, ("$id", journeyId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetString(0);
                journeys.Add(new StoredJourney(
                    id,
                    reader.GetString(1),
                    reader.GetString(2),
                    ParseTimestamp(reader.GetString(3)),
                    ParseJourneyStatus(reader.GetString(4)),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5),
                    versions.GetValueOrDefault(id) ?? []));
            }
        }

        return journeys;
    }

    private static StoredResource ReadResource(CatalogResourceKind kind, SqliteDataReader reader) =>
        new(kind, reader.GetString(0), reader.GetString(1), reader.GetString(2), ParseTimestamp(reader.GetString(3)));

    /// <summary><c>BEGIN IMMEDIATE</c>: take the write lock before reading what the write depends on.</summary>
    private static async Task<SqliteTransaction> BeginWriteAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task ExecuteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ScalarStringAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>ETags are random, so a deleted and re-created resource never matches an ETag a client kept from before.</summary>
    private static string NewETag() => Guid.NewGuid().ToString("N");

    private static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string KindName(CatalogResourceKind kind) => kind switch
    {
        CatalogResourceKind.EventDefinition => "event",
        CatalogResourceKind.DataSource => "datasource",
        CatalogResourceKind.CustomAction => "action",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string StatusName(JourneyStatus status) => status switch
    {
        JourneyStatus.Draft => "draft",
        JourneyStatus.Live => "live",
        JourneyStatus.Closed => "closed",
        JourneyStatus.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string VersionStatusName(JourneyVersionStatus status) => status switch
    {
        JourneyVersionStatus.Live => "live",
        JourneyVersionStatus.Closed => "closed",
        JourneyVersionStatus.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static JourneyStatus ParseJourneyStatus(string text) => text switch
    {
        "draft" => JourneyStatus.Draft,
        "live" => JourneyStatus.Live,
        "closed" => JourneyStatus.Closed,
        "stopped" => JourneyStatus.Stopped,
        _ => throw new InvalidOperationException($"Unknown journey status '{text}' in the catalog."),
    };

    private static JourneyVersionStatus ParseVersionStatus(string text) => text switch
    {
        "live" => JourneyVersionStatus.Live,
        "closed" => JourneyVersionStatus.Closed,
        "stopped" => JourneyVersionStatus.Stopped,
        _ => throw new InvalidOperationException($"Unknown journey version status '{text}' in the catalog."),
    };
}
