namespace Journeys.Runtime.Connectors;

/// <summary>Raised inside an attempt when a body passes the size limit; never retried (the endpoint would answer the same).</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException()
    {
    }

    public ResponseTooLargeException(string message)
        : base(message)
    {
    }

    public ResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
