using Journeys.Runtime.Routing;

namespace Journeys.Runtime.Hosting;

/// <summary>The engine is starting or shutting down and cannot take requests (HTTP 503).</summary>
public sealed class EngineUnavailableException : Exception
{
    public EngineUnavailableException()
    {
    }

    public EngineUnavailableException(string message)
        : base(message)
    {
    }

    public EngineUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
