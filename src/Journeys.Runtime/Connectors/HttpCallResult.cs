namespace Journeys.Runtime.Connectors;

/// <summary>The last attempt of a call: an answer with its (bounded, fully read) body, or why there was none.</summary>
internal sealed record HttpCallResult(
    int? StatusCode,
    byte[] Body,
    string? MediaType,
    int Attempts,
    long LatencyMs,
    HttpCallFailure Failure,
    string? FailureMessage)
{
    public bool IsSuccessStatus => StatusCode is >= 200 and <= 299;
}
