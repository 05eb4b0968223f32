using Journeys.Core.Model;
using Journeys.Core.Validation;

namespace Journeys.Runtime.Catalog;

/// <summary>
/// The validation the catalog applies: bodies on PUT, journeys on validate and publish. A seam so that the
/// lifecycle can be exercised with a chosen outcome; <see cref="ContractCatalogValidator"/> is the real one.
/// </summary>
public interface ICatalogValidator
{
    ValidationResult ValidateEventDefinition(string eventId, EventDefinition definition);

    ValidationResult ValidateDataSource(string sourceId, DataSource source);

    ValidationResult ValidateCustomAction(string actionId, CustomAction action);

    ValidationResult ValidateJourney(string journeyId, Journey journey, IConfigurationLookup lookup);
}
