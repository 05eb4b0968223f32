using Journeys.Core.Model;

namespace Journeys.Core.Validation;

/// <summary>
/// Validates a journey against the configuration it uses (SPEC §3, §4) and returns every problem at once,
/// ordered by JSON path then code. The codes are listed in docs/validation-codes.md.
/// </summary>
public static class JourneyValidator
{
    /// <summary>The most nodes a journey may have.</summary>
    public const int MaxNodes = 50;

    /// <summary>The longest wait duration and waitForEvent timeout; one day short of the journey maximum so that a wait can finish inside it.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromDays(90);

    public static ValidationResult Validate(string journeyId, Journey journey, IConfigurationLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(lookup);
        var issues = new IssueCollector();
        new JourneyRules(journeyId ?? string.Empty, journey, lookup, issues).Run();
        return issues.ToResult();
    }
}
