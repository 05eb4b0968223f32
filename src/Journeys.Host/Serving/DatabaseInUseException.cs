namespace Journeys.Host.Serving;

/// <summary>Another process holds the database's lock file: this host must not start on it.</summary>
public sealed class DatabaseInUseException : Exception
{
    public DatabaseInUseException()
    {
    }

    public DatabaseInUseException(string message)
        : base(message)
    {
    }

    public DatabaseInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatabaseInUseException(string databasePath, string lockPath, Exception innerException)
        : base($"The database {databasePath} is in use by another journeys host (it holds {lockPath}); stop that host or choose another --db.", innerException)
    {
    }
}
