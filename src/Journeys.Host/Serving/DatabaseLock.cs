namespace Journeys.Host.Serving;

/// <summary>
/// One writer per database (SPEC §5): an exclusively opened lock file beside the database, held for the life of the
/// host. The operating system drops the lock with the process, however it ends (SIGKILL and out-of-memory kills
/// included), so a crashed host never blocks the next start; a second host on the same file is refused before it
/// opens the database, resumes any instance or calls any service.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream file;

    private DatabaseLock(FileStream file, string path)
    {
        this.file = file;
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>The lock file of a database: <c>journeys.db</c> → <c>journeys.db.lock</c>.</summary>
    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".lock";

    /// <summary>Takes the lock or throws <see cref="DatabaseInUseException"/> when another process holds it.</summary>
    public static DatabaseLock Acquire(string databasePath)
    {
        var path = PathFor(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Unix and a sharing lock on Windows: both belong to
            // the open file, which the kernel closes when the process dies.
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return new DatabaseLock(file, path);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DatabaseInUseException(Path.GetFullPath(databasePath), path, ex);
        }
    }

    public void Dispose() => file.Dispose();
}
