namespace Journeys.Reliability.Tests.Support;

/// <summary>
/// A long variant: tagged <c>[Trait("Category", "Long")]</c> by its test, and skipped unless
/// <c>JOURNEYS_RELIABILITY_MINUTES</c> is set, so the default run (CI's <c>dotnet test Journeys.slnf</c>) stays bounded.
/// </summary>
internal sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (ReliabilitySettings.Minutes is null)
        {
            Skip = $"Long variant: set {ReliabilitySettings.MinutesVariable} (e.g. 5) to run it.";
        }
    }
}
