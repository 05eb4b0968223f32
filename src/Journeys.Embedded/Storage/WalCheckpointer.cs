using Microsoft.Data.Sqlite;

namespace Journeys.Embedded.Storage;

/// <summary>
/// Copies the WAL back into the database file from a connection and a thread of its own. SQLite's automatic
/// checkpoint runs inside whichever commit crosses the threshold — on the engine loop, stalling every request in
/// that iteration behind a file write and an fsync (the tail of the event → action latency). Here the loop's
/// connection has it turned off and a passive checkpoint runs every <c>interval</c> instead; passive checkpoints
/// never block the writer.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public WalCheckpointer(SqliteConnection connection, TimeSpan interval)
    {
        this.connection = connection;
        loop = Task.Run(() => RunAsync(interval), CancellationToken.None);
    }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            loop.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Dispose();
            connection.Dispose();
        }
    }

    private async Task RunAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                Checkpoint(command);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        Checkpoint(command);
    }

    private static void Checkpoint(SqliteCommand command)
    {
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Busy or locked: the next tick tries again, and nothing is lost meanwhile (the WAL holds it).
        }
    }
}
