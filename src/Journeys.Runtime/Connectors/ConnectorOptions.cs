namespace Journeys.Runtime.Connectors;

/// <summary>Host-level knobs of the HTTP connectors. Definitions carry the per-endpoint ones (timeouts, retries, caps).</summary>
public sealed class ConnectorOptions
{
    /// <summary>Timeout per attempt when a definition has no <c>timeoutMs</c>.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a custom action when it has no <c>maxRetries</c>.</summary>
    public int DefaultActionMaxRetries { get; set; } = 2;

    /// <summary>Retries of a data-source fetch (data sources have no <c>maxRetries</c> in the contract).</summary>
    public int DataSourceMaxRetries { get; set; } = 2;

    /// <summary>First backoff delay; later ones grow exponentially with jitter. Tests set it to a millisecond.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A <c>Retry-After</c> longer than this is shortened to it, so one endpoint cannot park a worker for hours.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body read; a larger one fails the call without being buffered.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>Most cached data-source responses kept; beyond it new responses are not cached until entries expire.</summary>
    public int MaxCacheEntries { get; set; } = 100_000;
}
