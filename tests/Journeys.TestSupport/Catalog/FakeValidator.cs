using Journeys.Core.Model;
using Journeys.Core.Validation;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Storage;

namespace Journeys.TestSupport.Catalog;

/// <summary>
/// Stands in for the product's validators (built elsewhere) so that lifecycle tests choose the outcome: every
/// body is valid unless a test says otherwise.
/// </summary>
public sealed class FakeValidator : ICatalogValidator
{
    public static readonly ValidationResult Valid = new([]);

    public Func<string, Journey, IConfigurationLookup, ValidationResult> JourneyRule { get; set; } = (_, _, _) => Valid;

    public Func<string, ValidationResult> BodyRule { get; set; } = _ => Valid;

    public ValidationResult ValidateEventDefinition(string eventId, EventDefinition definition) => BodyRule(eventId);

    public ValidationResult ValidateDataSource(string sourceId, DataSource source) => BodyRule(sourceId);

    public ValidationResult ValidateCustomAction(string actionId, CustomAction action) => BodyRule(actionId);

    public ValidationResult ValidateJourney(string journeyId, Journey journey, IConfigurationLookup lookup) => JourneyRule(journeyId, journey, lookup);

    public static ValidationResult Errors(params string[] codes) =>
        new(codes.Select(c => new ValidationIssue(c, null, "$", "broken: " + c, ValidationSeverity.Error)).ToList());
}
