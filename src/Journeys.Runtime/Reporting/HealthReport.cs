namespace Journeys.Runtime.Reporting;

/// <summary>The body of <c>GET /api/health</c>: liveness and whether storage answers.</summary>
public sealed record HealthReport(string Status, bool Storage, string? Detail = null)
{
    /// <summary>Events that matched no event definition since the database was created (null when not known).</summary>
    public long? UnmatchedEvents { get; init; }

    public bool Healthy => Status == "ok";
}
