using System.Collections.Concurrent;

namespace Journeys.Runtime.Connectors;

/// <summary>
/// Fixed one-minute windows aligned to UTC minutes: at most <c>capPerMinute</c> calls per action per window.
/// Aligned windows need only one counter per action (and map to one row per action and minute in shared
/// storage); the price is that a burst straddling a minute boundary may reach twice the cap.
/// </summary>
public sealed class InMemoryActionCallLimiter : IActionCallLimiter
{
    private readonly TimeProvider timeProvider;
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public InMemoryActionCallLimiter(TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
    }

    public ValueTask<bool> TryAcquireAsync(string actionId, int capPerMinute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actionId);
        if (capPerMinute <= 0)
        {
            return ValueTask.FromResult(true);
        }

        var minute = timeProvider.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = windows.GetOrAdd(actionId, _ => new Window());
        lock (window)
        {
            if (window.Minute != minute)
            {
                window.Minute = minute;
                window.Count = 0;
            }

            if (window.Count >= capPerMinute)
            {
                return ValueTask.FromResult(false);
            }

            window.Count++;
            return ValueTask.FromResult(true);
        }
    }

    private sealed class Window
    {
        public long Minute { get; set; } = long.MinValue;

        public int Count { get; set; }
    }
}
