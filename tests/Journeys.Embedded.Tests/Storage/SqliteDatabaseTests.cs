using Journeys.Embedded.Storage;
using Journeys.TestSupport.Storage;
using Microsoft.Data.Sqlite;

namespace Journeys.Embedded.Tests.Storage;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task Connections_use_wal_normal_sync_and_a_busy_timeout()
    {
        using var files = new TempDatabase();
        var database = files.Open();

        await using var connection = await database.OpenConnectionAsync();

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous;")); // 1 = NORMAL
        Assert.Equal(30000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
    }

    [Fact]
    public async Task Migrations_apply_once_in_order_and_are_recorded()
    {
        using var files = new TempDatabase();
        var database = files.Open();
        SqliteMigration[] steps =
        [
            new("0001-first", "CREATE TABLE first (x INTEGER);"),
            new("0002-second", "INSERT INTO first (x) VALUES (42);"),
        ];

        await database.ApplyMigrationsAsync(steps);
        await database.ApplyMigrationsAsync(steps);
        await files.Open().ApplyMigrationsAsync(steps);

        Assert.Equal(["0001-first", "0002-second"], await database.AppliedMigrationsAsync());
        await using var connection = await database.OpenConnectionAsync();
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM first;"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_nothing_of_itself_behind()
    {
        using var files = new TempDatabase();
        var database = files.Open();

        await Assert.ThrowsAsync<SqliteException>(() => database.ApplyMigrationsAsync(
            [new("0001-broken", "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);")]));

        Assert.Empty(await database.AppliedMigrationsAsync());
        await using var connection = await database.OpenConnectionAsync();
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half';"));
    }

    [Fact]
    public async Task The_catalog_store_records_its_own_migration_step()
    {
        using var files = new TempDatabase();
        var database = files.Open();

        await SqliteCatalogStore.OpenAsync(database);
        await SqliteCatalogStore.OpenAsync(database);

        Assert.Equal(["0001-catalog"], await database.AppliedMigrationsAsync());
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
