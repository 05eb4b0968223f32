namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>The storage requests of an idle engine (no instance, nothing arriving) over <paramref name="Window"/>, after a warm-up.</summary>
public sealed record IdleWork(string Settings, TimeSpan Window, IReadOnlyDictionary<StorageRequestKind, long> Requests)
{
    public double PerMinute(long count) => count / Window.TotalMinutes;
}
