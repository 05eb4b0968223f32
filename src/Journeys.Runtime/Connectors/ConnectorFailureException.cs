namespace Journeys.Runtime.Connectors;

/// <summary>
/// A failure found while preparing a call (bad template, missing secret, bad URL). Internal control flow only:
/// the public methods turn it into an error outcome, never let it escape.
/// </summary>
internal sealed class ConnectorFailureException : Exception
{
    public ConnectorFailureException()
    {
        Code = ConnectorErrorCodes.DefinitionInvalid;
    }

    public ConnectorFailureException(string message)
        : base(message)
    {
        Code = ConnectorErrorCodes.DefinitionInvalid;
    }

    public ConnectorFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ConnectorErrorCodes.DefinitionInvalid;
    }

    public ConnectorFailureException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
