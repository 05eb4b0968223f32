using System.Globalization;

namespace Journeys.Reliability.Tests.Support;

/// <summary>Knobs of the long variants, from the environment.</summary>
internal static class ReliabilitySettings
{
    public const string MinutesVariable = "JOURNEYS_RELIABILITY_MINUTES";

    /// <summary>Minutes a long variant runs for; null when unset (the long variants are then skipped).</summary>
    public static double? Minutes =>
        double.TryParse(Environment.GetEnvironmentVariable(MinutesVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? Math.Min(minutes, 24 * 60)
            : null;

    /// <summary>The seed of the random choices; <c>JOURNEYS_RELIABILITY_SEED</c> replays another run.</summary>
    public static int Seed(int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("JOURNEYS_RELIABILITY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : fallback;
}
