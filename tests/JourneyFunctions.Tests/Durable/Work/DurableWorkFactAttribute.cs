using System.Globalization;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// The measurement of docs/performance.md ("Durable work per entrant"): tagged <c>[Trait("Category", "DurableWork")]</c>
/// by its test, and skipped unless <c>JOURNEYS_DURABLE_WORK</c> gives the entrants per sample, so that CI's
/// <c>dotnet test Journeys.slnf</c> stays bounded (the machinery itself is checked by <see cref="DurableWorkMeterTests"/>).
/// </summary>
internal sealed class DurableWorkFactAttribute : FactAttribute
{
    public const string EntrantsVariable = "JOURNEYS_DURABLE_WORK";

    public const string IdleSecondsVariable = "JOURNEYS_DURABLE_WORK_IDLE_SECONDS";

    public const string OutputVariable = "JOURNEYS_DURABLE_WORK_OUT";

    public DurableWorkFactAttribute()
    {
        if (Entrants is null)
        {
            Skip = $"Measurement: set {EntrantsVariable} to the entrants per sample (e.g. 30) to run it.";
        }
    }

    /// <summary>Entrants per sample; null when unset.</summary>
    public static int? Entrants =>
        int.TryParse(Environment.GetEnvironmentVariable(EntrantsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var entrants) && entrants > 0
            ? Math.Min(entrants, 1000)
            : null;

    /// <summary>Seconds of idling measured after the samples (default 120; 0 leaves it out).</summary>
    public static int IdleSeconds =>
        int.TryParse(Environment.GetEnvironmentVariable(IdleSecondsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? seconds
            : 120;
}
