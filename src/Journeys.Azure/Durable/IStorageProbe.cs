namespace Journeys.Azure.Durable;

/// <summary>A cheap round trip to storage for <c>GET /api/health</c>; throws when storage cannot be reached.</summary>
public interface IStorageProbe
{
    Task ProbeAsync(CancellationToken cancellationToken);
}
