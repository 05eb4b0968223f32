using Journeys.Model;

namespace Journeys.Validation;

/// <summary>
/// Validates a journey against the configuration it uses (SPEC §3, §4) and returns every problem at once.
/// STUB: the validation work fills this in; the member below is the agreed surface.
/// </summary>
public static class JourneyValidator
{
    public static ValidationResult Validate(string journeyId, Journey journey, IConfigurationLookup lookup) => throw new NotImplementedException();
}
