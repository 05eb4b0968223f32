using System.Diagnostics;
using System.Text;
using Journeys.Embedded.Storage;
using Microsoft.Data.Sqlite;

namespace Journeys.Host.Bench;

/// <summary>
/// The floor SQLite itself sets on this machine: the same event bodies inserted as rows (event id, key, body) with
/// one prepared statement, in transactions as large as the engine's (10,000 rows), on a file opened with the
/// engine's settings. Nothing routes, nothing is indexed beyond the key.
/// </summary>
internal static class RawInsertBaseline
{
    public const int RowsPerTransaction = 10_000;

    /// <summary>Seconds to insert the rows.</summary>
    public static double Run(string folder, IReadOnlyList<(string Key, string Body)> rows)
    {
        using var database = new SqliteDatabase(Path.Combine(folder, "raw.db"));
        using var connection = database.OpenConnection();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE events (event_id TEXT NOT NULL, event_key TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (event_id, event_key)) WITHOUT ROWID";
            create.ExecuteNonQuery();
        }

        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events (event_id, event_key, body) VALUES ('cart.abandoned', $k, $b)";
        var key = insert.Parameters.Add(new SqliteParameter("$k", null));
        var body = insert.Parameters.Add(new SqliteParameter("$b", null));
        insert.Prepare();

        var stopwatch = Stopwatch.StartNew();
        for (var offset = 0; offset < rows.Count; offset += RowsPerTransaction)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var i = offset; i < Math.Min(rows.Count, offset + RowsPerTransaction); i++)
            {
                key.Value = rows[i].Key;
                body.Value = Encoding.UTF8.GetBytes(rows[i].Body);
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        stopwatch.Stop();
        insert.Transaction = null;
        return stopwatch.Elapsed.TotalSeconds;
    }
}
