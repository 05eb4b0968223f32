namespace Journeys.Runtime.Connectors;

/// <summary>
/// Enforces a data source's <c>rateLimitPerSecond</c>. A port so that a multi-instance host can share the budget;
/// the embedded host uses <see cref="InMemoryDataSourceRateLimiter"/>.
/// </summary>
public interface IDataSourceRateLimiter
{
    /// <summary>
    /// Reserves one request of <paramref name="sourceId"/>. Returns how long the caller must wait before sending
    /// (zero when a token is free now), or null when that wait would exceed <paramref name="maxWait"/>; a null
    /// answer reserves nothing.
    /// </summary>
    ValueTask<TimeSpan?> TryReserveAsync(string sourceId, int permitsPerSecond, TimeSpan maxWait, CancellationToken cancellationToken);
}
