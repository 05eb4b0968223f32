namespace Journeys.Storage.Sqlite.Tests.Catalog;

/// <summary>A clock the test sets by hand.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
