namespace Journeys.Host.Commands;

/// <summary>
/// A failure the user caused or can fix (a missing file, an unreachable host, a busy port). The command line prints
/// its message as one line on stderr and exits 1, without a stack trace: the message must say what to do.
/// </summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException()
    {
    }

    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
