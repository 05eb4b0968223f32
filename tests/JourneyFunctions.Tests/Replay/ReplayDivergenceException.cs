namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// The orchestrator, replayed against a committed history, did something else than the history records: what
/// Durable reports as a non-deterministic orchestration (and fails the instance with) after a deploy.
/// </summary>
public sealed class ReplayDivergenceException : Exception
{
    public ReplayDivergenceException()
    {
    }

    public ReplayDivergenceException(string message)
        : base(message)
    {
    }

    public ReplayDivergenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
