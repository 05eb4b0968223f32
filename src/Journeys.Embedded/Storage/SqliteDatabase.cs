using Microsoft.Data.Sqlite;

namespace Journeys.Embedded.Storage;

/// <summary>
/// One SQLite database file shared by every store of the embedded host (catalog, instances, timers, step events).
/// Opens pooled connections configured for concurrent use: WAL journal (readers never block the writer),
/// <c>synchronous=NORMAL</c> (durable at each checkpoint, safe against corruption in WAL mode) and a busy timeout
/// so that writers queue for the lock instead of failing. Applies schema migrations.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string connectionString;
    private readonly int busyTimeoutMs;
    private volatile bool walEnsured;

    public SqliteDatabase(string filePath, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        FilePath = Path.GetFullPath(filePath);
        busyTimeoutMs = (int)(busyTimeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMs / 1000),
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>An open connection with the per-connection settings applied; dispose it to return it to the pool.</summary>
    public async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using (var pragmas = connection.CreateCommand())
            {
                // Per connection: pooled connections keep them, but a fresh one has SQLite's defaults.
                pragmas.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            if (!walEnsured)
            {
                // WAL is a property of the file, so once per process is enough; it cannot run inside a transaction.
                using var wal = connection.CreateCommand();
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                await wal.ExecuteScalarAsync(cancellationToken);
                walEnsured = true;
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A synchronous open for the embedded engine's single writer, which works synchronously on its own thread
    /// (Microsoft.Data.Sqlite's async methods complete synchronously anyway).
    /// </summary>
    public SqliteConnection OpenConnection() => OpenConnectionAsync().GetAwaiter().GetResult();

    /// <summary>
    /// Applies the steps not yet recorded, in order, each in its own <c>BEGIN IMMEDIATE</c> transaction together
    /// with its record, so that processes starting at once on the same file apply each step exactly once.
    /// </summary>
    public async Task ApplyMigrationsAsync(IEnumerable<SqliteMigration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id TEXT NOT NULL PRIMARY KEY,
                    applied_at TEXT NOT NULL
                ) WITHOUT ROWID;
                """;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var migration in migrations)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE id = $id;";
            check.Parameters.AddWithValue("$id", migration.Id);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            await using var apply = connection.CreateCommand();
            apply.Transaction = transaction;
            apply.CommandText = migration.Sql;
            await apply.ExecuteNonQueryAsync(cancellationToken);

            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (id, applied_at) VALUES ($id, $at);";
            record.Parameters.AddWithValue("$id", migration.Id);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>The ids of the migration steps applied to this file.</summary>
    public async Task<IReadOnlyList<string>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM schema_migrations ORDER BY id;";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Closes the pooled connections to this file, so that it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
