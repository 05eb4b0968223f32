namespace Journeys.Engine;

/// <summary>
/// Thrown by an <see cref="IJourneyRuntime"/> that cannot serve a request now (not started in this host, shutting
/// down, storage unreachable). The HTTP API answers 503 with the message, so it must never carry secrets.
/// </summary>
public sealed class RuntimeUnavailableException : Exception
{
    public RuntimeUnavailableException()
        : this("The journey engine is not available.")
    {
    }

    public RuntimeUnavailableException(string message)
        : base(message)
    {
    }

    public RuntimeUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
