using Journeys.Embedded.Storage;

namespace Journeys.TestSupport.Storage;

/// <summary>A real SQLite file in a fresh temp folder, removed (with its WAL files) on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly List<SqliteDatabase> opened = [];

    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "journeys-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "journeys.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    /// <summary>A new <see cref="SqliteDatabase"/> on the file: each has its own connections, as another process would.</summary>
    public SqliteDatabase Open()
    {
        var database = new SqliteDatabase(FilePath);
        lock (opened)
        {
            opened.Add(database);
        }

        return database;
    }

    public void Dispose()
    {
        foreach (var database in opened)
        {
            database.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
    }
}
