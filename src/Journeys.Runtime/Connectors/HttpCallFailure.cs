namespace Journeys.Runtime.Connectors;

/// <summary>Why a call ended without a usable answer on its last attempt.</summary>
internal enum HttpCallFailure
{
    None,
    Timeout,
    Connection,
    TooLarge,
}
