namespace Journeys.Reporting;

/// <summary>The body of <c>GET /api/health</c>: liveness and whether storage answers.</summary>
public sealed record HealthReport(string Status, bool Storage, string? Detail = null)
{
    public bool Healthy => Status == "ok";
}
