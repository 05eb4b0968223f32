using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>The product's validation: <see cref="ConfigurationValidator"/> for bodies, <see cref="JourneyValidator"/> for journeys.</summary>
public sealed class ContractCatalogValidator : ICatalogValidator
{
    public static ContractCatalogValidator Instance { get; } = new();

    public ValidationResult ValidateEventDefinition(string eventId, EventDefinition definition) => ConfigurationValidator.Validate(eventId, definition);

    public ValidationResult ValidateDataSource(string sourceId, DataSource source) => ConfigurationValidator.Validate(sourceId, source);

    public ValidationResult ValidateCustomAction(string actionId, CustomAction action) => ConfigurationValidator.Validate(actionId, action);

    public ValidationResult ValidateJourney(string journeyId, Journey journey, IConfigurationLookup lookup) => JourneyValidator.Validate(journeyId, journey, lookup);
}
